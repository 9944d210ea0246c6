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
 * the CRS (e.g. {@code SRID=4544;POLYGON((…))}). Every text is measured before JTS parses it ({@link #measure}):
 * JTS's reader recurses once per bracket, so a GEOMETRYCOLLECTION nested thousands deep would overflow the
 * stack, and it builds every coordinate before anyone could count them.
 */
final class WktUpload {
    private WktUpload() { }

    static Upload read(String text, ReadBudget budget) {
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
        List<UploadedFeature> out = new ArrayList<>();
        String[] lines = t.split("\\R");
        List<String> geometries = new ArrayList<>();
        for (String line : lines) if (!line.isBlank()) geometries.add(line.strip());
        if (geometries.size() > 1 && !startsWithGeometryWord(geometries.get(1))) {
            geometries = List.of(t); // one geometry written over several lines
        }
        int n = 0;
        for (String wkt : geometries) {
            n++;
            budget.feature();
            measure(wkt, budget);
            out.add(new UploadedFeature("WKT " + n, new LinkedHashMap<>(), parse(wkt, geometries.size() == 1 ? "The WKT" : "WKT line " + n)));
        }
        return new Upload("wkt", out, crs, crsSource, new ArrayList<>());
    }

    private static boolean startsWithGeometryWord(String line) {
        return line.matches("(?i)^(SRID=\\d+;)?\\s*(POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON|GEOMETRYCOLLECTION|LINEARRING)\\b.*");
    }

    /** Parses one measured WKT geometry, or answers 400 with JTS's reason. */
    static Geometry parse(String wkt, String label) {
        try {
            return new WKTReader(GeoJsonFeatures.WGS84).read(wkt);
        } catch (ParseException | RuntimeException e) {
            throw UploadProblem.bad(label + " cannot be read (" + reason(e) + ").");
        }
    }

    /**
     * Bracket depth and an upper bound of the coordinates (commas + 1), charged to the budget before parsing:
     * a polygon is 2 brackets deep, a multipolygon 3, a collection of them 4.
     */
    static void measure(String wkt, ReadBudget budget) {
        int depth = 0;
        int max = 0;
        long commas = 0;
        for (int i = 0; i < wkt.length(); i++) {
            char c = wkt.charAt(i);
            if (c == '(') {
                if (++depth > max) {
                    max = depth;
                    budget.depth(max);
                }
            } else if (c == ')') {
                depth--;
            } else if (c == ',') {
                commas++;
            }
        }
        budget.vertices(commas + 1);
    }

    static String reason(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replaceAll("\\s+", " ");
        return m.length() > 120 ? m.substring(0, 120) + "…" : m;
    }
}
