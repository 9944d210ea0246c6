package org.planmap.overlay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.planmap.geo.Crs;
import org.planmap.geo.GeoJsonFeatures;

/**
 * Reads pasted or uploaded WKT: one geometry, or one geometry per line. An EWKT prefix {@code SRID=n;} names
 * the CRS (e.g. {@code SRID=4544;POLYGON((…))}).
 */
final class WktUpload {
    private WktUpload() { }

    static Upload read(String text, int maxFeatures) {
        String t = text.strip();
        if (t.isEmpty()) throw UploadProblem.bad("The WKT is empty.");
        Crs crs = null;
        String crsSource = null;
        if (t.toUpperCase().startsWith("SRID=")) {
            int semi = t.indexOf(';');
            String code = semi < 0 ? "" : t.substring(5, semi).trim();
            crs = Crs.find(code).orElseThrow(() -> UploadProblem.crs("The WKT starts with SRID=" + code
                    + ", a coordinate system planmap does not support.", code));
            crsSource = "EWKT SRID";
            t = t.substring(semi + 1).strip();
        }
        WKTReader reader = new WKTReader(GeoJsonFeatures.WGS84);
        List<UploadedFeature> out = new ArrayList<>();
        try {
            out.add(new UploadedFeature("WKT 1", new LinkedHashMap<>(), reader.read(t)));
        } catch (ParseException | RuntimeException whole) {
            String[] lines = t.split("\\R");
            if (lines.length == 1) throw UploadProblem.bad("The WKT cannot be read (" + reason(whole) + ").");
            int n = 0;
            for (String line : lines) {
                if (line.isBlank()) continue;
                n++;
                if (out.size() >= maxFeatures) {
                    throw UploadProblem.limit("The WKT has more than " + maxFeatures + " geometries", "max-features", maxFeatures);
                }
                try {
                    Geometry g = reader.read(line.strip());
                    out.add(new UploadedFeature("WKT " + n, new LinkedHashMap<>(), g));
                } catch (ParseException | RuntimeException e) {
                    throw UploadProblem.bad("WKT line " + n + " cannot be read (" + reason(e) + ").");
                }
            }
        }
        return new Upload("wkt", out, crs, crsSource, new ArrayList<>());
    }

    static String reason(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replaceAll("\\s+", " ");
        return m.length() > 120 ? m.substring(0, 120) + "…" : m;
    }
}
