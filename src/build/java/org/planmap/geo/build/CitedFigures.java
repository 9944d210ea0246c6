package org.planmap.geo.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Sets the drawn figures beside the cited ones: every feature named in {@code cited-figures.json}
 * gets {@code citedFigures}, each cited value with its source, the drawn value and the difference
 * ({@link FiguresPage} lists them in {@code docs/geodata-areas.md}).
 */
final class CitedFigures {

    private CitedFigures() {
    }

    /** Adds {@code citedFigures} to the features named in the sketch; fails on an unknown id or measure. */
    static void apply(JsonNode figures, Map<String, List<Feature>> collections) {
        Map<String, Feature> byId = new LinkedHashMap<>();
        collections.values().forEach(fs -> fs.forEach(f -> byId.put(f.id, f)));
        for (Map.Entry<String, JsonNode> e : figures.properties()) {
            Feature f = byId.get(e.getKey());
            if (f == null) {
                throw new IllegalStateException("cited-figures.json names an unknown feature " + e.getKey());
            }
            List<Map<String, Object>> out = new ArrayList<>();
            for (JsonNode c : e.getValue()) {
                String measure = c.get("measure").asString();
                double drawn = drawn(f, measure);
                double cited = c.get("value").asDouble();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("measure", measure);
                m.put("unit", measure.equals("area") ? "km²" : "km");
                m.put("value", cited);
                m.put("what", c.get("what").asString());
                m.put("whatZh", c.get("whatZh").asString());
                m.put("source", c.get("source").asString());
                m.put("drawn", drawn);
                m.put("difference", round2(drawn - cited));
                m.put("differencePct", Math.round((drawn - cited) / cited * 1000) / 10.0);
                out.add(m);
            }
            f.put("citedFigures", out);
        }
    }

    private static double drawn(Feature f, String measure) {
        return switch (measure) {
            case "area" -> {
                if (f.geometry.getDimension() != 2) {
                    throw new IllegalStateException(f.id + ": an area is cited for a feature that is not an area");
                }
                yield round2(Metric.areaKm2(f.geometry));
            }
            case "length" -> {
                if (f.geometry.getDimension() != 1) {
                    throw new IllegalStateException(f.id + ": a length is cited for a feature that is not a line");
                }
                yield round2(Metric.toUtm(f.geometry).getLength() / 1000);
            }
            default -> throw new IllegalStateException(f.id + ": unknown measure " + measure);
        };
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

}
