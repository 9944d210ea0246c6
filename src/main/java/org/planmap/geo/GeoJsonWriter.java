package org.planmap.geo;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * The app's one GeoJSON writer (RFC 7946): geometries, features and feature collections streamed onto a Jackson
 * {@link JsonGenerator}, so every layer, OGC page, feature panel, export and overlay echo writes the same bytes
 * for the same geometry, and nothing is written to text only to be parsed again. No {@code crs} member, x/y only
 * (as stored: the loader keeps source files' ring orientation), each ordinate rounded to a fixed number of
 * decimals and written in plain decimal notation (never {@code 1.0E-4}).
 *
 * <p>A feature is written in three steps so each caller adds what its format needs: {@link #startFeature} (type,
 * id, geometry), then {@code "properties"} ({@link #properties} for a map, or the caller's own members), then any
 * foreign members (OGC links, plan references) and {@code writeEndObject()}.
 */
public final class GeoJsonWriter {
    /** Decimals of WGS84 / CGCS2000 degrees: 7 ≈ 1 cm. */
    public static final int DEGREE_DECIMALS = 7;
    /** Decimals of projected metres: 3 = 1 mm. */
    public static final int METRE_DECIMALS = 3;
    /** The writer for lon/lat output, as every read API sends it. */
    public static final GeoJsonWriter WGS84 = new GeoJsonWriter(DEGREE_DECIMALS);

    private final int decimals;
    private final double scale;
    private final long unit;

    public GeoJsonWriter(int decimals) {
        if (decimals < 0 || decimals > 9) throw new IllegalArgumentException("decimals must be 0..9, was " + decimals);
        this.decimals = decimals;
        this.scale = Math.pow(10, decimals);
        this.unit = (long) scale;
    }

    /** The writer for a CRS: 7 decimals for degrees, 3 for metres. */
    public static GeoJsonWriter forCrs(Crs crs) {
        return crs.geographic() ? WGS84 : new GeoJsonWriter(METRE_DECIMALS);
    }

    public void geometry(JsonGenerator gen, Geometry g) {
        char[] buf = new char[32];
        gen.writeStartObject();
        if (g instanceof GeometryCollection c && !(g instanceof MultiPoint || g instanceof MultiLineString || g instanceof MultiPolygon)) {
            gen.writeStringProperty("type", "GeometryCollection");
            gen.writeName("geometries");
            gen.writeStartArray();
            for (int i = 0; i < c.getNumGeometries(); i++) geometry(gen, c.getGeometryN(i));
            gen.writeEndArray();
            gen.writeEndObject();
            return;
        }
        gen.writeStringProperty("type", g.getGeometryType());
        gen.writeName("coordinates");
        if (g instanceof Point p) {
            if (p.isEmpty()) { gen.writeStartArray(); gen.writeEndArray(); } else position(gen, p.getCoordinateSequence(), 0, buf);
        } else if (g instanceof LineString l) {
            positions(gen, l.getCoordinateSequence(), buf);
        } else if (g instanceof Polygon p) {
            rings(gen, p, buf);
        } else if (g instanceof MultiPoint || g instanceof MultiLineString || g instanceof MultiPolygon) {
            gen.writeStartArray();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                if (part instanceof Point p) position(gen, p.getCoordinateSequence(), 0, buf);
                else if (part instanceof LineString l) positions(gen, l.getCoordinateSequence(), buf);
                else rings(gen, (Polygon) part, buf);
            }
            gen.writeEndArray();
        } else {
            throw new IllegalArgumentException("Unsupported geometry " + g.getGeometryType());
        }
        gen.writeEndObject();
    }

    /**
     * Opens a Feature and writes {@code type}, {@code id} (left out when null) and {@code geometry} ({@code null} for
     * a feature without one, RFC 7946 §3.2).
     */
    public void startFeature(JsonGenerator gen, String id, Geometry geometry) {
        gen.writeStartObject();
        gen.writeStringProperty("type", "Feature");
        if (id != null) gen.writeStringProperty("id", id);
        gen.writeName("geometry");
        if (geometry == null) gen.writeNull(); else geometry(gen, geometry);
    }

    /**
     * {@code "properties": {…}}, each value serialised by the generator's mapper (strings, numbers, maps, lists);
     * null values are left out, as the app's JSON does everywhere ({@code default-property-inclusion: non_null}).
     */
    public static void properties(JsonGenerator gen, Map<String, ?> properties) {
        gen.writeName("properties");
        gen.writeStartObject();
        for (Map.Entry<String, ?> e : properties.entrySet()) {
            if (e.getValue() == null) continue;
            gen.writeName(e.getKey());
            gen.writePOJO(e.getValue());
        }
        gen.writeEndObject();
    }

    /** Opens a FeatureCollection and writes its {@code type}; the caller adds members, {@code "features"} and the end. */
    public static void startCollection(JsonGenerator gen) {
        gen.writeStartObject();
        gen.writeStringProperty("type", "FeatureCollection");
    }

    /** What {@code body} writes, as UTF-8 bytes, through a generator of {@code json} (closed afterwards). */
    public static byte[] bytes(JsonMapper json, int sizeHint, Consumer<JsonGenerator> body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, sizeHint));
        write(json, out, body);
        return out.toByteArray();
    }

    /** Streams what {@code body} writes to {@code out} (flushed, not closed). */
    public static void write(JsonMapper json, OutputStream out, Consumer<JsonGenerator> body) {
        try (JsonGenerator gen = json.createGenerator(out)) {
            body.accept(gen);
        }
    }

    /** A geometry as a value for Jackson-serialised maps and records: written by this writer, never as text first. */
    public JacksonSerializable value(Geometry g) {
        return serializable(gen -> geometry(gen, g));
    }

    /** Any streamed JSON value as a Jackson-serialisable value (e.g. a FeatureCollection inside a larger answer). */
    public static JacksonSerializable serializable(Consumer<JsonGenerator> writer) {
        return new JacksonSerializable.Base() {
            @Override
            public void serialize(JsonGenerator gen, SerializationContext ctxt) {
                writer.accept(gen);
            }

            @Override
            public void serializeWithType(JsonGenerator gen, SerializationContext ctxt, TypeSerializer typeSer) {
                writer.accept(gen);
            }
        };
    }

    private void rings(JsonGenerator gen, Polygon p, char[] buf) {
        gen.writeStartArray();
        positions(gen, p.getExteriorRing().getCoordinateSequence(), buf);
        for (int i = 0; i < p.getNumInteriorRing(); i++) positions(gen, p.getInteriorRingN(i).getCoordinateSequence(), buf);
        gen.writeEndArray();
    }

    private void positions(JsonGenerator gen, CoordinateSequence seq, char[] buf) {
        gen.writeStartArray();
        for (int i = 0; i < seq.size(); i++) position(gen, seq, i, buf);
        gen.writeEndArray();
    }

    private void position(JsonGenerator gen, CoordinateSequence seq, int i, char[] buf) {
        gen.writeStartArray();
        number(gen, seq.getX(i), buf);
        number(gen, seq.getY(i), buf);
        gen.writeEndArray();
    }

    /**
     * The ordinate rounded to {@code decimals}, in plain notation without trailing zeros, formatted from the
     * scaled long: the same digits as {@code Double.toString} of the rounded value for |v| below 10^8, without
     * its exponent form and at a fraction of its cost (this is every vertex of every response).
     */
    private void number(JsonGenerator gen, double v, char[] buf) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("Non-finite ordinate " + v);
        double scaled = v * scale;
        if (Math.abs(scaled) >= 9.0e15) { // beyond exact long arithmetic: no real map coordinate
            gen.writeNumber(Math.round(scaled) / scale);
            return;
        }
        long m = Math.round(scaled); // half up, as the writers before did
        boolean negative = m < 0;
        if (negative) m = -m;
        long whole = m / unit;
        long fraction = m % unit;
        int end = buf.length;
        int pos = end;
        if (fraction != 0) {
            int digits = decimals;
            while (fraction % 10 == 0) { fraction /= 10; digits--; }
            for (int d = 0; d < digits; d++) { buf[--pos] = (char) ('0' + fraction % 10); fraction /= 10; }
            buf[--pos] = '.';
        }
        do { buf[--pos] = (char) ('0' + whole % 10); whole /= 10; } while (whole != 0);
        if (negative && pos < end && !(pos == end - 1 && buf[pos] == '0')) buf[--pos] = '-';
        gen.writeNumber(buf, pos, end - pos);
    }
}
