package org.planmap.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.geopackage.srs.SpatialReferenceSystemDao;
import mil.nga.sf.GeometryType;
import org.h2gis.api.EmptyProgressVisitor;
import org.h2gis.functions.io.shp.SHPDriverFunction;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTWriter;
import org.planmap.geo.Crs;
import org.planmap.geo.GeoJsonWriter;
import org.planmap.system.Csv;
import tools.jackson.databind.json.JsonMapper;

/**
 * The five download writers. All keep Chinese text intact: GeoJSON, KML and CSV are UTF-8 (CSV with a BOM for
 * spreadsheet software), GeoPackage is SQLite TEXT, Shapefiles carry a UTF-8 {@code .dbf} with a {@code .cpg}
 * saying so and a {@code .prj}. Shapefiles hold one geometry kind each, so mixed layers become up to three
 * files ({@code _point}, {@code _line}, {@code _polygon}) in the zip; attribute names are cut to the 10 bytes
 * dBase allows (and made unique).
 */
public final class ExportWriters {
    private ExportWriters() { }

    static List<String> columns(List<ExportFeature> features) {
        Set<String> keys = new java.util.LinkedHashSet<>();
        keys.add("id");
        for (ExportFeature f : features) keys.addAll(f.attributes().keySet());
        return new ArrayList<>(keys);
    }

    /** RFC 7946 for WGS84; other CRSs get the (pre-RFC) {@code crs} member GDAL and QGIS understand, x = easting. */
    static byte[] geojson(List<ExportFeature> features, Crs crs, JsonMapper json) {
        GeoJsonWriter writer = GeoJsonWriter.forCrs(crs);
        return GeoJsonWriter.bytes(json, features.size() * 600 + 64, gen -> {
            GeoJsonWriter.startCollection(gen);
            if (crs.epsg() != 0 && crs.epsg() != 4326) {
                gen.writeName("crs");
                gen.writePOJO(Map.of("type", "name", "properties", Map.of("name", "urn:ogc:def:crs:EPSG::" + crs.epsg())));
            }
            gen.writeName("features");
            gen.writeStartArray();
            for (ExportFeature f : features) {
                writer.startFeature(gen, f.id(), f.geometry());
                GeoJsonWriter.properties(gen, f.attributes());
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
        });
    }

    static byte[] csv(List<ExportFeature> features, Crs crs) {
        List<String> cols = columns(features);
        StringBuilder out = new StringBuilder("\uFEFF");
        List<String> header = new ArrayList<>(cols);
        header.add("wkt");
        line(out, header);
        WKTWriter wkt = new WKTWriter();
        wkt.setPrecisionModel(new org.locationtech.jts.geom.PrecisionModel(crs.geographic() ? 1e7 : 1e3));
        for (ExportFeature f : features) {
            List<Object> row = new ArrayList<>();
            for (String c : cols) row.add(c.equals("id") ? f.id() : f.attributes().get(c));
            row.add(wkt.write(f.geometry()));
            line(out, row);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<?> values) {
        out.append(Csv.row(values));
    }

    /** KML 2.2 (WGS84 only, by the KML specification). */
    static byte[] kml(List<ExportFeature> features, String title) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">"
                + "<Document><name>").append(xml(title)).append("</name>\n");
        for (ExportFeature f : features) {
            Object name = f.attributes().getOrDefault("name", f.id());
            out.append("<Placemark id=\"").append(xml(f.id())).append("\"><name>").append(xml(String.valueOf(name))).append("</name><ExtendedData>");
            out.append("<Data name=\"id\"><value>").append(xml(f.id())).append("</value></Data>");
            for (Map.Entry<String, Object> e : f.attributes().entrySet()) {
                if (e.getValue() == null) continue;
                out.append("<Data name=\"").append(xml(e.getKey())).append("\"><value>").append(xml(e.getValue().toString())).append("</value></Data>");
            }
            out.append("</ExtendedData>");
            kmlGeometry(out, f.geometry());
            out.append("</Placemark>\n");
        }
        return out.append("</Document></kml>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void kmlGeometry(StringBuilder out, Geometry g) {
        if (g instanceof Point p) {
            out.append("<Point><coordinates>").append(coords(p)).append("</coordinates></Point>");
        } else if (g instanceof LineString l) {
            out.append("<LineString><coordinates>").append(coords(l)).append("</coordinates></LineString>");
        } else if (g instanceof Polygon p) {
            out.append("<Polygon><outerBoundaryIs><LinearRing><coordinates>").append(coords(p.getExteriorRing()))
                    .append("</coordinates></LinearRing></outerBoundaryIs>");
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                out.append("<innerBoundaryIs><LinearRing><coordinates>").append(coords(p.getInteriorRingN(i)))
                        .append("</coordinates></LinearRing></innerBoundaryIs>");
            }
            out.append("</Polygon>");
        } else {
            out.append("<MultiGeometry>");
            for (int i = 0; i < g.getNumGeometries(); i++) kmlGeometry(out, g.getGeometryN(i));
            out.append("</MultiGeometry>");
        }
    }

    private static String coords(Geometry g) {
        StringBuilder s = new StringBuilder();
        for (var c : g.getCoordinates()) {
            if (s.length() > 0) s.append(' ');
            s.append(String.format(java.util.Locale.ROOT, "%.7f,%.7f", c.x, c.y));
        }
        return s.toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "");
    }

    /**
     * An OGC GeoPackage with one feature table; every attribute a TEXT column, the CRS registered with its WKT. A
     * feature without geometry (e.g. a consultation comment on a plan paragraph) is a row with a NULL geometry.
     */
    public static byte[] gpkg(List<ExportFeature> features, Crs crs, String table) throws IOException, java.sql.SQLException {
        Path dir = Files.createTempDirectory("planmap-export-");
        try {
            Path file = dir.resolve("export.gpkg");
            GeoPackageManager.create(file.toFile());
            GeoPackage gp = GeoPackageManager.open(file.toFile());
            try {
                long srsId = crs.epsg() == 0 ? 4326 : crs.epsg();
                SpatialReferenceSystemDao srsDao = gp.getSpatialReferenceSystemDao();
                if (srsDao.queryForId(srsId) == null) {
                    SpatialReferenceSystem srs = new SpatialReferenceSystem();
                    srs.setSrsName(crs.titleEn());
                    srs.setSrsId(srsId);
                    srs.setOrganization("EPSG");
                    srs.setOrganizationCoordsysId(srsId);
                    srs.setDefinition(CrsWkt.ogc(crs));
                    srs.setDescription(crs.titleEn());
                    srsDao.create(srs);
                }
                GeometryColumns gc = new GeometryColumns();
                gc.setId(new TableColumnKey(table, "geom"));
                gc.setGeometryType(GeometryType.GEOMETRY);
                gc.setZ((byte) 0);
                gc.setM((byte) 0);
                gc.setSrsId(srsId);
                List<String> cols = columns(features);
                Map<String, String> names = new LinkedHashMap<>();
                Set<String> used = new HashSet<>(Set.of("id", "fid", "geom"));
                List<FeatureColumn> columns = new ArrayList<>();
                for (String c : cols) {
                    String n = c.equals("id") ? "feature_id" : c;
                    for (int i = 2; !used.add(n.toLowerCase()); i++) n = c + "_" + i;
                    names.put(c, n);
                    columns.add(FeatureColumn.createColumn(n, GeoPackageDataType.TEXT));
                }
                Envelope e = new Envelope();
                features.stream().filter(f -> f.geometry() != null).forEach(f -> e.expandToInclude(f.geometry().getEnvelopeInternal()));
                BoundingBox box = e.isNull() ? null : new BoundingBox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
                gp.createFeatureTable(FeatureTableMetadata.create(gc, columns, box));
                FeatureDao dao = gp.getFeatureDao(table);
                WKBWriter wkb = new WKBWriter(2);
                for (ExportFeature f : features) {
                    FeatureRow row = dao.newRow();
                    if (f.geometry() != null) {
                        row.setGeometry(GeoPackageGeometryData.createFromWkbAndBuildEnvelope(srsId, wkb.write(f.geometry())));
                    }
                    for (String c : cols) {
                        Object v = c.equals("id") ? f.id() : f.attributes().get(c);
                        row.setValue(names.get(c), v == null ? null : v.toString());
                    }
                    dao.create(row);
                }
            } finally {
                gp.close();
            }
            return Files.readAllBytes(file);
        } finally {
            deleteTree(dir);
        }
    }

    /** A zip of Shapefiles (one per geometry kind), each with .shp, .shx, .dbf (UTF-8), .cpg and .prj. */
    static byte[] shapefileZip(List<ExportFeature> features, Crs crs, String base) throws Exception {
        Map<String, List<ExportFeature>> byKind = new LinkedHashMap<>();
        for (ExportFeature f : features) {
            int dim = f.geometry().getDimension();
            byKind.computeIfAbsent(dim == 0 ? "point" : dim == 1 ? "line" : "polygon", k -> new ArrayList<>()).add(f);
        }
        Path dir = Files.createTempDirectory("planmap-export-");
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (Map.Entry<String, List<ExportFeature>> kind : byKind.entrySet()) {
                    String name = byKind.size() == 1 ? base : base + "_" + kind.getKey();
                    writeShapefile(dir, name, kind.getKey(), kind.getValue());
                    Files.writeString(dir.resolve(name + ".prj"), CrsWkt.esri(crs));
                    Files.writeString(dir.resolve(name + ".cpg"), "UTF-8");
                    for (String ext : List.of("shp", "shx", "dbf", "prj", "cpg")) {
                        zip.putNextEntry(new ZipEntry(name + "." + ext));
                        zip.write(Files.readAllBytes(dir.resolve(name + "." + ext)));
                        zip.closeEntry();
                    }
                }
            }
            return bytes.toByteArray();
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * One Shapefile through H2GIS's public driver ({@link SHPDriverFunction}, the one behind {@code SHPWrite}): the
     * features go into a table of a private in-memory H2 database, the driver writes .shp, .shx and a UTF-8 .dbf
     * from it. Geometries are made uniform first (a Shapefile holds one shape type, taken from the first row):
     * lines and polygons as their Multi form, points as MultiPoints when any feature is one.
     */
    private static void writeShapefile(Path dir, String name, String kind, List<ExportFeature> features) throws IOException, SQLException {
        List<String> cols = columns(features);
        List<String> dbfNames = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (String c : cols) {
            String n = truncateBytes(c, 10);
            for (int i = 1; !used.add(n.toLowerCase()); i++) n = truncateBytes(c, 10 - String.valueOf(i).length()) + i;
            dbfNames.add(n);
        }
        boolean multiPoint = kind.equals("point") && features.stream().anyMatch(f -> f.geometry() instanceof MultiPoint);
        StringBuilder create = new StringBuilder("CREATE TABLE EXPORT (THE_GEOM GEOMETRY");
        for (String n : dbfNames) create.append(", \"").append(n.replace("\"", "\"\"")).append("\" VARCHAR(254)");
        String insert = "INSERT INTO EXPORT VALUES (?" + ", ?".repeat(cols.size()) + ")";
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:shp-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=0", "sa", "")) {
            try (Statement st = db.createStatement()) {
                st.execute(create.append(")").toString());
            }
            try (PreparedStatement ps = db.prepareStatement(insert)) {
                for (ExportFeature f : features) {
                    Geometry g = uniform(f.geometry(), kind, multiPoint);
                    g.setSRID(0); // the .prj is written below from the export CRS
                    ps.setObject(1, g);
                    for (int i = 0; i < cols.size(); i++) {
                        Object v = cols.get(i).equals("id") ? f.id() : f.attributes().get(cols.get(i));
                        ps.setString(i + 2, v == null ? null : truncateBytes(v.toString(), 254));
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            new SHPDriverFunction().exportTable(db, "EXPORT", dir.resolve(name + ".shp").toFile(), "UTF-8", true,
                    new EmptyProgressVisitor());
        }
    }

    private static Geometry uniform(Geometry g, String kind, boolean multiPoint) {
        Geometry copy = g.copy();
        if (kind.equals("point")) {
            return multiPoint && copy instanceof Point p ? p.getFactory().createMultiPoint(new Point[] {p}) : copy;
        }
        if (copy instanceof LineString l) return l.getFactory().createMultiLineString(new LineString[] {l});
        if (copy instanceof Polygon p) return p.getFactory().createMultiPolygon(new Polygon[] {p});
        if (copy instanceof MultiLineString || copy instanceof MultiPolygon) return copy;
        return copy.getFactory().buildGeometry(List.of(copy));
    }

    /** The longest prefix of {@code s} (whole code points) whose UTF-8 form fits {@code max} bytes. */
    static String truncateBytes(String s, int max) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= max) return s;
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int cp : s.codePoints().toArray()) {
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > max) break;
            out.appendCodePoint(cp);
            bytes += n;
        }
        return out.toString();
    }

    static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temporary folder; best effort
        }
    }
}
