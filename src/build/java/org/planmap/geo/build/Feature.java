package org.planmap.geo.build;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;

/**
 * One output feature: a top-level string id, a WGS84 geometry and ordered properties.
 * Properties are kept in contract order (name, nameEn, aliases, accuracy, accuracyNote, planRefs,
 * zone, source, then collection-specific keys).
 */
final class Feature {

    final String id;
    Geometry geometry;
    final Map<String, Object> props = new LinkedHashMap<>();

    Feature(String id, Geometry geometry, String name, String nameEn, List<String> aliases, String accuracy,
            String accuracyNote, List<String> planRefs, String source) {
        this.id = id;
        this.geometry = geometry;
        props.put("name", name);
        props.put("nameEn", nameEn);
        props.put("aliases", aliases == null ? List.of() : aliases);
        props.put("accuracy", accuracy);
        props.put("accuracyNote", accuracyNote);
        props.put("planRefs", planRefs == null ? List.of() : planRefs);
        props.put("zone", null);
        props.put("source", source);
    }

    Feature put(String key, Object value) {
        props.put(key, value);
        return this;
    }
}
