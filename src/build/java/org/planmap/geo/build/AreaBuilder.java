package org.planmap.geo.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.operation.linemerge.LineMerger;

import tools.jackson.databind.JsonNode;

/**
 * Builds the showcase areas, demonstration zones and Science City features from the
 * specifications in {@code areas.json}. A specification gives exactly one shape —
 * {@code ring}, {@code discs} (anchor + metres), {@code buffer} (sketch line + metres),
 * {@code lineRef} (a sketch line) or {@code feature} (copy of an already built feature) — and an
 * optional {@code clip} list applied in order. {@code accuracyNote} is Chinese, {@code accuracyNoteEn}
 * English.
 */
final class AreaBuilder {

    private final Geometry district;
    private final Sketch sketch;
    private final Anchors anchors;
    private final Map<String, Feature> built;

    AreaBuilder(Geometry district, Sketch sketch, Anchors anchors, Map<String, Feature> built) {
        this.district = district;
        this.sketch = sketch;
        this.anchors = anchors;
        this.built = built;
    }

    List<Feature> build(String section) {
        List<Feature> out = new ArrayList<>();
        for (JsonNode spec : sketch.areas.get(section)) {
            Geometry g = clip(shape(spec), spec.get("clip"));
            String accuracy = spec.has("accuracy") ? spec.get("accuracy").asString() : "schematic";
            Feature f = new Feature(spec.get("id").asString(), g, spec.get("name").asString(), spec.get("nameEn").asString(),
                    strings(spec.get("aliases")), accuracy, spec.get("accuracyNote").asString(), spec.get("accuracyNoteEn").asString(),
                    strings(spec.get("planRefs")), "sketch");
            if (spec.has("kind")) {
                f.put("kind", spec.get("kind").asString());
            }
            f.put("method", method(spec));
            if (g.getDimension() == 2) {
                f.put("areaKm2", Math.round(Metric.areaKm2(g) * 100) / 100.0);
            } else if (g.getDimension() == 1) {
                f.put("lengthKm", Math.round(Metric.toUtm(g).getLength() / 10) / 100.0);
            }
            built.put(f.id, f);
            out.add(f);
        }
        return out;
    }

    private String method(JsonNode spec) {
        if (spec.has("follows")) {
            return spec.get("follows").asString();
        }
        if (spec.has("lineRef")) {
            return sketch.line(spec.get("lineRef").asString()).follows();
        }
        if (spec.has("feature")) {
            return "same geometry as " + spec.get("feature").asString();
        }
        return "";
    }

    private Geometry shape(JsonNode spec) {
        if (spec.has("ring")) {
            return Sketch.ring(spec.get("ring"));
        }
        if (spec.has("discs")) {
            Geometry all = null;
            for (JsonNode d : spec.get("discs")) {
                Geometry disc = Metric.buffer(anchors.get(d.get("anchor").asString()).point(), d.get("metres").asDouble());
                all = all == null ? disc : Metric.union(all, disc);
            }
            return all;
        }
        if (spec.has("buffer")) {
            JsonNode b = spec.get("buffer");
            LineString line = sketch.line(b.get("line").asString()).geometry();
            if (b.has("fromLat")) {
                double lat = b.get("fromLat").asDouble();
                Geometry north = Metric.GF.createPolygon(new Coordinate[] {new Coordinate(106.0, lat), new Coordinate(107.0, lat),
                    new Coordinate(107.0, 30.5), new Coordinate(106.0, 30.5), new Coordinate(106.0, lat)});
                return Metric.buffer(Metric.intersection(line, north), b.get("metres").asDouble());
            }
            return Metric.buffer(line, b.get("metres").asDouble());
        }
        if (spec.has("lineRef")) {
            return sketch.line(spec.get("lineRef").asString()).geometry();
        }
        if (spec.has("feature")) {
            return built.get(spec.get("feature").asString()).geometry.copy();
        }
        throw new IllegalStateException("no shape in " + spec.get("id"));
    }

    private Geometry clip(Geometry g, JsonNode clip) {
        if (clip == null) {
            return g;
        }
        for (JsonNode c : clip) {
            String op = c.asString();
            if (op.equals("district")) {
                g = Metric.intersection(g, district);
            } else if (op.startsWith("-")) {
                g = Metric.difference(g, built.get(op.substring(1)).geometry);
            } else {
                g = Metric.intersection(g, built.get(op).geometry);
            }
        }
        return simplifyType(g);
    }

    /** Merges clipped line pieces back into one LineString when they touch. */
    static Geometry simplifyType(Geometry g) {
        if (g.getDimension() == 1 && g.getNumGeometries() > 1) {
            LineMerger m = new LineMerger();
            m.add(g);
            @SuppressWarnings("unchecked")
            java.util.Collection<LineString> merged = m.getMergedLineStrings();
            if (merged.size() == 1) {
                return merged.iterator().next();
            }
        }
        return g;
    }

    static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        if (arr != null) {
            arr.forEach(n -> out.add(n.asString()));
        }
        return out;
    }
}
