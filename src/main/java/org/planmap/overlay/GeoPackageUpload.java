package org.planmap.overlay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureColumns;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;
import org.planmap.geo.Crs;
import org.planmap.system.ApiException;

/**
 * Reads every feature table of an OGC GeoPackage with the NGA GeoPackage library. The CRS is the table's
 * {@code srs_id} resolved through {@code gpkg_spatial_ref_sys} (organisation EPSG + code, else its WKT via
 * {@link PrjCrs}); all tables must share it.
 */
final class GeoPackageUpload {
    private GeoPackageUpload() { }

    static Upload read(Path file, ReadBudget budget) {
        List<UploadedFeature> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Crs crs = null;
        String crsTable = null;
        GeoPackage gpkg;
        try {
            gpkg = GeoPackageManager.open(file.toFile(), false);
        } catch (RuntimeException e) {
            throw UploadProblem.bad("The file is not a valid GeoPackage (an SQLite database with the OGC GeoPackage tables).");
        }
        try {
            List<String> tables = gpkg.getFeatureTables();
            if (tables.isEmpty()) throw UploadProblem.bad("The GeoPackage has no feature table.");
            for (String table : tables) {
                FeatureDao dao = gpkg.getFeatureDao(table);
                Crs tableCrs = crsOf(dao.getSrs(), table);
                if (tableCrs != null && crs != null && !crs.equals(tableCrs)) {
                    throw UploadProblem.crs("The GeoPackage mixes coordinate systems: table '" + crsTable + "' is " + crs.titleEn()
                            + " but table '" + table + "' is " + tableCrs.titleEn() + ". Upload one coordinate system at a time.", null);
                }
                if (tableCrs != null) {
                    crs = tableCrs;
                    crsTable = table;
                }
                budget.features(dao.count()); // a table over the limit is refused before its first row is read
                FeatureResultSet rs = dao.queryForAll();
                try {
                    FeatureColumns columns = rs.getColumns();
                    String[] names = columns.getColumnNames();
                    int geometry = columns.getGeometryIndex();
                    int pk = columns.getPkColumnIndex();
                    int n = 0;
                    while (rs.moveToNext()) {
                        n++;
                        budget.feature();
                        // the raw blob, not the library's row: its geometry reader builds the whole geometry, by
                        // recursion, before any limit could be checked (a nested collection overflowed the stack)
                        byte[] wkb = GeoPackageBlob.wkb(rs.getBlob(geometry), budget);
                        if (wkb == null) continue;
                        Geometry g = new WKBReader().read(wkb);
                        Map<String, Object> props = new LinkedHashMap<>();
                        for (int i = 0; i < names.length; i++) {
                            if (i == geometry || i == pk) continue;
                            Object v = rs.getValue(i);
                            if (v != null) props.put(names[i], v instanceof Number || v instanceof Boolean ? v : v.toString());
                        }
                        out.add(new UploadedFeature(UploadNames.nameOf(props, table + " " + n), props, g));
                    }
                } finally {
                    rs.close();
                }
            }
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw UploadProblem.bad("The GeoPackage cannot be read: " + safe(e) + ".");
        } finally {
            gpkg.close();
        }
        if (out.isEmpty()) throw UploadProblem.bad("The GeoPackage contains no features with a geometry.");
        return new Upload("geopackage", out, crs, crs == null ? null : "GeoPackage srs_id", notes);
    }

    private static Crs crsOf(SpatialReferenceSystem srs, String table) {
        if (srs == null || srs.getSrsId() == 0 || srs.getSrsId() == -1) return null;
        if ("EPSG".equalsIgnoreCase(srs.getOrganization())) {
            var known = Crs.find(String.valueOf(srs.getOrganizationCoordsysId()));
            if (known.isPresent()) return known.get();
        }
        String def = srs.getDefinition();
        return PrjCrs.match(def == null ? "" : def).orElseThrow(() -> UploadProblem.crs("GeoPackage table '" + table
                + "' uses " + srs.getOrganization() + ":" + srs.getOrganizationCoordsysId() + " (" + srs.getSrsName()
                + "), a coordinate system planmap does not support. Use WGS84, CGCS2000 (EPSG:4490) or a CGCS2000 "
                + "Gauss–Krüger zone, or choose the CRS in the form.", String.valueOf(srs.getOrganizationCoordsysId())));
    }

    private static String safe(Exception e) {
        String m = e.getMessage();
        if (m == null) return "the file is damaged";
        return m.length() > 160 ? m.substring(0, 160) + "…" : m;
    }
}
