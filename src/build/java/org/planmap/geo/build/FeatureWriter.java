package org.planmap.geo.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes RFC 7946 FeatureCollections: WGS84 longitude/latitude with 6 decimals, exterior rings
 * counter-clockwise and holes clockwise (RFC 7946 §3.1.6), a top-level string {@code id} per
 * feature, one feature per line so that diffs stay readable.
 */
final class FeatureWriter {

    private FeatureWriter() {
    }

    static void write(Path file, String name, String attribution, List<Feature> features) throws IOException {
        StringBuilder sb = new StringBuilder();
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("type", "FeatureCollection");
        head.put("name", name);
        head.put("attribution", attribution);
        String h = SourceData.JSON.writeValueAsString(head);
        sb.append(h, 0, h.length() - 1).append(",\"features\":[\n");
        for (int i = 0; i < features.size(); i++) {
            Feature f = features.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "Feature");
            m.put("id", f.id);
            m.put("properties", f.props);
            m.put("geometry", geometry(f.geometry));
            sb.append(SourceData.JSON.writeValueAsString(m)).append(i + 1 < features.size() ? ",\n" : "\n");
        }
        sb.append("]}\n");
        Files.writeString(file, sb.toString());
    }

    static Map<String, Object> geometry(Geometry g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", g.getGeometryType());
        m.put("coordinates", coords(g));
        return m;
    }

    private static Object coords(Geometry g) {
        if (g instanceof Point p) {
            return pos(p.getCoordinate());
        }
        if (g instanceof LineString l) {
            return seq(l.getCoordinates(), 0);
        }
        if (g instanceof Polygon p) {
            List<Object> rings = new ArrayList<>();
            rings.add(seq(p.getExteriorRing().getCoordinates(), +1));
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                rings.add(seq(p.getInteriorRingN(i).getCoordinates(), -1));
            }
            return rings;
        }
        if (g instanceof MultiPolygon || g instanceof MultiLineString || g instanceof MultiPoint) {
            List<Object> parts = new ArrayList<>();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                parts.add(coords(g.getGeometryN(i)));
            }
            return parts;
        }
        throw new IllegalArgumentException("unsupported geometry " + g.getGeometryType());
    }

    /** orientation: +1 counter-clockwise, -1 clockwise, 0 as is. */
    private static List<Object> seq(Coordinate[] cs, int orientation) {
        boolean reverse = orientation != 0 && (Orientation.isCCW(cs) != (orientation > 0));
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < cs.length; i++) {
            out.add(pos(cs[reverse ? cs.length - 1 - i : i]));
        }
        return out;
    }

    private static List<Double> pos(Coordinate c) {
        return List.of(round(c.x), round(c.y));
    }

    static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
