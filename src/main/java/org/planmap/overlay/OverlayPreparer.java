package org.planmap.overlay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.planmap.features.StoredFeature;
import org.planmap.geo.Crs;
import org.planmap.geo.CrsTransform;
import org.planmap.geo.GeoJsonFeatures;
import org.planmap.geo.Gcj02;
import org.planmap.geodata.DataSnapshot;
import org.planmap.geodata.DataSnapshots;
import org.springframework.stereotype.Component;

/**
 * From an {@link Upload} to analysable WGS84 features: enforces the per-feature limits, refuses NaN and
 * infinite coordinates, settles the CRS (request field, else what the file declares, else a guess that is
 * only made when unambiguous), converts, repairs invalid geometry with JTS {@link GeometryFixer} (and says so),
 * and checks that the result lies at or near Shapingba District. Data that lands far away is refused with the
 * most likely mistake, found by trying the usual alternatives: swapped axes, metres read as degrees (or the
 * reverse), a Gauss–Krüger zone prefix missing or extra, GCJ-02 offsets.
 */
@Component
public class OverlayPreparer {
    /** Shapingba District's extent (WGS84), used when the district boundary is not loaded. */
    static final Envelope DISTRICT_FALLBACK = new Envelope(106.22, 106.55, 29.45, 29.80);
    private static final double NEAR_METRES = 3000;

    /** The district boundary of a snapshot (or its extent when not loaded), prepared, with its facets indexed. */
    private record District(Geometry geometry, PreparedGeometry prepared, IndexedFacetDistance facets) {
        static District of(DataSnapshot data) {
            List<StoredFeature> rows = data.features("district");
            Geometry d = rows.isEmpty() ? GeoJsonFeatures.WGS84.toGeometry(DISTRICT_FALLBACK)
                    : GeoJsonFeatures.WGS84.buildGeometry(rows.stream().map(StoredFeature::geometry).toList()).union();
            return new District(d, PreparedGeometryFactory.prepare(d), new IndexedFacetDistance(d));
        }
    }

    private static final DataSnapshot.View<District> DISTRICT = DataSnapshot.View.of("district boundary", District::of);

    private final OverlayProperties limits;
    private final DataSnapshots snapshots;

    public OverlayPreparer(OverlayProperties limits, DataSnapshots snapshots) {
        this.limits = limits;
        this.snapshots = snapshots;
    }

    public PreparedOverlay prepare(Upload upload, String crsField) {
        List<UploadedFeature> input = upload.features();
        if (input.size() > limits.maxFeatures()) {
            throw UploadProblem.limit("The upload has " + input.size() + " features, more than allowed",
                    "上传的要素有 " + input.size() + " 个，超过上限", "max-features", limits.maxFeatures());
        }
        for (UploadedFeature f : input) checkCoordinates(f);
        List<String> notes = new ArrayList<>(upload.notes());
        SourceCrs requested = SourceCrs.parse(crsField);
        SourceCrs crs;
        String crsSource;
        if (requested != null) {
            crs = requested;
            crsSource = "crs field";
            if (upload.crs() != null && !requested.gcj02() && !sameCrs(upload.crs(), requested.crs())) {
                notes.add("The file declares " + upload.crs().titleEn() + " (" + upload.crsSource() + "), but the chosen "
                        + requested.title() + " was used as requested.");
            }
        } else if (upload.crs() != null) {
            crs = SourceCrs.of(upload.crs());
            crsSource = upload.crsSource();
        } else {
            crs = guess(input);
            crsSource = "assumed";
            notes.add("The file does not say which coordinate system it uses; its coordinates were read as " + crs.title() + ".");
        }
        checkRange(input, crs);

        List<OverlayFeature> out = new ArrayList<>();
        Geometry district = district();
        for (UploadedFeature f : input) {
            Geometry g = toWgs84(f.geometry(), crs);
            Envelope box = g.getEnvelopeInternal();
            boolean finite = Double.isFinite(box.getMinX()) && Double.isFinite(box.getMaxX()) && Double.isFinite(box.getMinY())
                    && Double.isFinite(box.getMaxY());
            double metres = finite ? districtMetres(GeoJsonFeatures.WGS84.toGeometry(box)) : Double.POSITIVE_INFINITY;
            if (metres > NEAR_METRES) {
                String where = finite ? "lies about " + Math.round(metres / 1000) + " km from Shapingba District"
                        : "cannot be placed on the earth";
                throw new org.planmap.system.ApiException(org.springframework.http.HttpStatus.BAD_REQUEST,
                        "'" + f.name() + "' " + where + " when read as " + crs.title() + ". " + hint(f.geometry(), crs, district),
                        "crs", crs.label());
            }
            IsValidOp valid = new IsValidOp(g);
            if (!valid.isValid()) {
                TopologyValidationError error = valid.getValidationError();
                Geometry fixed = GeometryFixer.fix(g);
                if (fixed.isEmpty()) {
                    throw UploadProblem.bad("'" + f.name() + "' is not a valid geometry (" + describe(error)
                            + ") and cannot be repaired: nothing would be left of it.");
                }
                notes.add("'" + f.name() + "' was not a valid geometry (" + describe(error) + "); it was repaired automatically. "
                        + "Check the shape on the map.");
                g = fixed;
            }
            g.setSRID(4326);
            if (districtMetres(g) > 0) {
                notes.add("'" + f.name() + "' lies just outside Shapingba District (about " + Math.round(districtMetres(g))
                        + " m away). " + gcjHint(g, crs, district));
            }
            out.add(new OverlayFeature(f.name(), f.properties(), g));
        }
        return new PreparedOverlay(upload.format(), out, crs.label(), crsSource, notes);
    }

    private void checkCoordinates(UploadedFeature f) {
        Geometry g = f.geometry();
        if (g == null || g.isEmpty()) throw UploadProblem.bad("'" + f.name() + "' has no coordinates (an empty geometry).");
        int n = g.getNumPoints();
        if (n > limits.maxVertices()) {
            throw UploadProblem.limit("'" + f.name() + "' has " + n + " vertices, more than allowed",
                    "'" + f.name() + "' 有 " + n + " 个顶点，超过上限", "max-vertices", limits.maxVertices());
        }
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                throw UploadProblem.bad("'" + f.name() + "' has a coordinate that is not a number (NaN or infinite). "
                        + "Every vertex needs numeric x and y.");
            }
        }
    }

    /** Without a declared CRS: degrees if every coordinate can be lon/lat, a GK zone if x carries 35/36/37; else refuse. */
    private SourceCrs guess(List<UploadedFeature> input) {
        boolean anyDegrees = false;
        boolean anyMetres = false;
        for (UploadedFeature f : input) {
            Envelope e = f.geometry().getEnvelopeInternal();
            boolean degrees = e.getMinX() >= -180 && e.getMaxX() <= 180 && e.getMinY() >= -90 && e.getMaxY() <= 90;
            if (degrees) anyDegrees = true; else anyMetres = true;
        }
        if (anyDegrees && anyMetres) {
            throw UploadProblem.crs("The features mix coordinate systems: some coordinates are degrees (longitude/latitude) and "
                    + "others are metres (projected). Upload one coordinate system at a time.", null);
        }
        if (anyDegrees) return SourceCrs.of(Crs.CRS84);
        Geometry probe = input.get(0).geometry();
        Envelope swapped = CrsTransform.swapXY(probe).getEnvelopeInternal();
        if (swapped.getMinX() >= -180 && swapped.getMaxX() <= 180 && swapped.getMinY() >= -90 && swapped.getMaxY() <= 90) {
            throw UploadProblem.crs("'" + input.get(0).name() + "' cannot be longitude/latitude as given. "
                    + hint(probe, SourceCrs.of(Crs.CRS84), district()), null);
        }
        Envelope all = new Envelope();
        input.forEach(f -> all.expandToInclude(f.geometry().getEnvelopeInternal()));
        for (int zone = 35; zone <= 37; zone++) {
            if (all.getMinX() >= zone * 1e6 && all.getMaxX() < (zone + 1) * 1e6) return SourceCrs.of(Crs.CGCS2000_GK.get(zone - 35));
        }
        Geometry first = input.get(0).geometry();
        String fits = findFit(first, null, district()).map(c -> " They fit " + c.title() + "; choose it in the CRS field.").orElse("");
        throw UploadProblem.crs("The coordinates are metres (a projected coordinate system) but the file does not say which one."
                + fits + " Add the .prj file or choose the CRS, e.g. EPSG:4544 (CGCS2000 Gauss–Krüger CM 105°E) or "
                + "EPSG:32648 (UTM 48N).", null);
    }

    private void checkRange(List<UploadedFeature> input, SourceCrs crs) {
        if (!crs.geographic()) return;
        for (UploadedFeature f : input) {
            Envelope e = f.geometry().getEnvelopeInternal();
            if (e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90) {
                String fits = findFit(f.geometry(), crs, district()).map(c -> " They fit " + c.title() + ": choose that CRS.")
                        .orElse(" Choose the projected CRS the data was made in (e.g. EPSG:4544).");
                throw UploadProblem.crs("'" + f.name() + "' has coordinates outside ±180° / ±90°: they look like projected metres "
                        + "read as degrees (" + crs.title() + ")." + fits, crs.label());
            }
        }
    }

    /** The likeliest mistake behind data that lands far from the district. */
    String hint(Geometry raw, SourceCrs used, Geometry district) {
        Geometry swapped = CrsTransform.swapXY(raw);
        if (lands(swapped, used, district)) {
            return "Latitude and longitude seem to be swapped (the file gives y before x). Swap the two columns or axes and upload again.";
        }
        Optional<SourceCrs> fit = findFit(raw, used, district);
        if (fit.isPresent()) {
            SourceCrs c = fit.get();
            int usedCode = used.gcj02() ? -1 : used.crs().epsg();
            int code = c.crs().epsg();
            if (usedCode >= 4523 && usedCode <= 4525 && code == usedCode + 21) {
                return "The x values lack the zone number prefix (" + (usedCode - 4488) + "): they fit " + c.title()
                        + ". Choose that CRS, or add " + (usedCode - 4488) + "000000 to every x.";
            }
            if (usedCode >= 4544 && usedCode <= 4546 && code == usedCode - 21) {
                return "The x values start with the zone number " + (code - 4488) + ": they fit " + c.title() + ". Choose that CRS.";
            }
            if (!used.geographic() && c.geographic()) {
                return "The coordinates look like degrees (longitude/latitude) read as metres: they fit " + c.title() + ". Choose that CRS.";
            }
            return "The coordinates fit " + c.title() + " instead: choose that CRS in the form.";
        }
        if (lands(swapped, SourceCrs.of(Crs.CRS84), district)) {
            return "The coordinates look like latitude/longitude with the axes swapped. Swap them and choose WGS84.";
        }
        return "Check the coordinate system: planmap reads WGS84, CGCS2000 (EPSG:4490), CGCS2000 Gauss–Krüger zones "
                + "(EPSG:4523–4525, 4544–4546), UTM 48N (EPSG:32648) and GCJ-02.";
    }

    private String gcjHint(Geometry wgs84, SourceCrs used, Geometry district) {
        if (used.geographic() && !used.gcj02()) {
            Geometry shifted = fromGcj(wgs84);
            if (shifted.intersects(district)) {
                return "If the coordinates were taken from a Chinese web map (Amap, Tencent, Baidu-like services; GCJ-02), "
                        + "choose GCJ-02 as the CRS: its offset here is about 480 m and it would move the shape into the district.";
            }
        }
        return "The report covers only what it touches; check the coordinate system if it should lie inside.";
    }

    private Optional<SourceCrs> findFit(Geometry raw, SourceCrs used, Geometry district) {
        List<SourceCrs> candidates = new ArrayList<>();
        candidates.add(SourceCrs.of(Crs.CRS84));
        for (Crs c : Crs.CGCS2000_GK) candidates.add(SourceCrs.of(c));
        candidates.add(SourceCrs.of(Crs.UTM_48N));
        candidates.add(SourceCrs.of(Crs.WEB_MERCATOR));
        candidates.add(SourceCrs.GCJ02);
        for (SourceCrs c : candidates) {
            if (used != null && c.equals(used)) continue;
            if (used != null && !used.gcj02() && !c.gcj02() && sameCrs(used.crs(), c.crs())) continue;
            if (lands(raw, c, district)) return Optional.of(c);
        }
        return Optional.empty();
    }

    private static boolean lands(Geometry raw, SourceCrs crs, Geometry district) {
        Envelope e = raw.getEnvelopeInternal();
        if (crs.geographic() && (e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90)) return false;
        if (!crs.geographic() && e.getMaxX() < 1000 && e.getMaxY() < 1000) return false;
        try {
            Geometry g = toWgs84(raw.getCentroid(), crs);
            return approxMetres(g, district) < NEAR_METRES;
        } catch (RuntimeException ex) {
            return false;
        }
    }

    static Geometry toWgs84(Geometry g, SourceCrs crs) {
        if (crs.gcj02()) return fromGcj(g);
        Geometry out = CrsTransform.transform(g, crs.crs(), Crs.CRS84);
        out.setSRID(4326);
        return out;
    }

    private static Geometry fromGcj(Geometry g) {
        Geometry copy = g.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                Gcj02.LonLat w = Gcj02.gcj02ToWgs84(seq.getX(i), seq.getY(i));
                seq.setOrdinate(i, 0, w.lon());
                seq.setOrdinate(i, 1, w.lat());
            }

            @Override
            public boolean isDone() { return false; }

            @Override
            public boolean isGeometryChanged() { return true; }
        });
        copy.geometryChanged();
        copy.setSRID(4326);
        return copy;
    }

    private static boolean sameCrs(Crs a, Crs b) {
        return a.proj4Name().equals(b.proj4Name()) || (a.geographic() && b.geographic() && a.epsg() != 4490 && b.epsg() != 4490);
    }

    /** Distance in metres between two WGS84 geometries, on a rough local approximation (for plausibility thresholds only, not for the report). */
    static double approxMetres(Geometry a, Geometry b) {
        double degrees = a.distance(b);
        return degrees * 111_320 * Math.cos(Math.toRadians(29.6));
    }

    private static String describe(TopologyValidationError e) {
        String msg = e.getMessage().toLowerCase(Locale.ROOT);
        Coordinate c = e.getCoordinate();
        return msg + (c == null ? "" : String.format(Locale.ROOT, " near %.6f, %.6f", c.x, c.y));
    }

    /** As {@link #approxMetres} to the district, with the boundary prepared and its facets indexed (0 inside). */
    double districtMetres(Geometry g) {
        District d = snapshots.current().get(DISTRICT);
        if (d.prepared().intersects(g)) return 0;
        return d.facets().distance(g) * 111_320 * Math.cos(Math.toRadians(29.6));
    }

    /** The district boundary of the current snapshot, or its extent when the boundary is not loaded. */
    Geometry district() {
        return snapshots.current().get(DISTRICT).geometry();
    }
}
