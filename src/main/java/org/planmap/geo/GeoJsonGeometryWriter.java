package org.planmap.geo;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes a JTS geometry as RFC 7946 GeoJSON straight into a {@link StringBuilder}: no intermediate maps, no
 * {@code crs} member, x/y only, each ordinate rounded to a fixed number of decimals. This is the hot path of
 * every layer and OGC items page; {@link GeoJsonFeatures#writeGeometry} (JTS's writer) stays for cold paths.
 * Polygon rings are written as stored; the loader keeps source files' orientation.
 */
public final class GeoJsonGeometryWriter {
    private final double scale;

    public GeoJsonGeometryWriter(int decimals) {
        this.scale = Math.pow(10, decimals);
    }

    public void append(StringBuilder out, Geometry g) {
        if (g instanceof Point p) {
            out.append("{\"type\":\"Point\",\"coordinates\":");
            if (p.isEmpty()) out.append("[]"); else position(out, p.getCoordinateSequence(), 0);
            out.append('}');
        } else if (g instanceof LineString l) {
            out.append("{\"type\":\"LineString\",\"coordinates\":");
            positions(out, l.getCoordinateSequence());
            out.append('}');
        } else if (g instanceof Polygon p) {
            out.append("{\"type\":\"Polygon\",\"coordinates\":");
            rings(out, p);
            out.append('}');
        } else if (g instanceof MultiPoint || g instanceof MultiLineString || g instanceof MultiPolygon) {
            out.append("{\"type\":\"").append(g.getGeometryType()).append("\",\"coordinates\":[");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (i > 0) out.append(',');
                Geometry part = g.getGeometryN(i);
                if (part instanceof Point p) position(out, p.getCoordinateSequence(), 0);
                else if (part instanceof LineString l) positions(out, l.getCoordinateSequence());
                else rings(out, (Polygon) part);
            }
            out.append("]}");
        } else if (g instanceof GeometryCollection c) {
            out.append("{\"type\":\"GeometryCollection\",\"geometries\":[");
            for (int i = 0; i < c.getNumGeometries(); i++) {
                if (i > 0) out.append(',');
                append(out, c.getGeometryN(i));
            }
            out.append("]}");
        } else {
            throw new IllegalArgumentException("Unsupported geometry " + g.getGeometryType());
        }
    }

    private void rings(StringBuilder out, Polygon p) {
        out.append('[');
        positions(out, p.getExteriorRing().getCoordinateSequence());
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            out.append(',');
            positions(out, p.getInteriorRingN(i).getCoordinateSequence());
        }
        out.append(']');
    }

    private void positions(StringBuilder out, CoordinateSequence seq) {
        out.append('[');
        for (int i = 0; i < seq.size(); i++) {
            if (i > 0) out.append(',');
            position(out, seq, i);
        }
        out.append(']');
    }

    private void position(StringBuilder out, CoordinateSequence seq, int i) {
        out.append('[');
        number(out, seq.getX(i));
        out.append(',');
        number(out, seq.getY(i));
        out.append(']');
    }

    private void number(StringBuilder out, double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("Non-finite ordinate " + v);
        double r = Math.round(v * scale) / scale;
        if (r == Math.rint(r) && Math.abs(r) < 1e15) out.append((long) r);
        else out.append(r);
    }
}
