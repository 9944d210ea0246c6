package org.planmap.geo.build;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;

/**
 * One output feature: a top-level string id, a WGS84 geometry and ordered properties.
 * Properties are kept in contract order (name, nameEn, nameEnSource, aliases, accuracy, accuracyNote, accuracyNoteEn,
 * planRefs, zone, zoneShare, zones, source, then collection-specific keys). Like {@code name}/{@code nameEn},
 * {@code accuracyNote} is Chinese and {@code accuracyNoteEn} English; {@code nameEnSource} says whose
 * English name it is ({@code planmap translation} unless a source gives it).
 */
final class Feature {

    final String id;
    Geometry geometry;
    final Map<String, Object> props = new LinkedHashMap<>();

    Feature(String id, Geometry geometry, String name, String nameEn, List<String> aliases, String accuracy,
            String accuracyNote, String accuracyNoteEn, List<String> planRefs, String source) {
        this.id = id;
        this.geometry = geometry;
        props.put("name", name);
        props.put("nameEn", nameEn);
        props.put("nameEnSource", ContextLayers.OUR_TRANSLATION);
        props.put("aliases", aliases == null ? List.of() : aliases);
        props.put("accuracy", accuracy);
        props.put("accuracyNote", accuracyNote);
        props.put("accuracyNoteEn", accuracyNoteEn);
        props.put("planRefs", planRefs == null ? List.of() : planRefs);
        props.put("zone", null);
        props.put("source", source);
    }

    Feature put(String key, Object value) {
        props.put(key, value);
        return this;
    }

    /** Sets {@code key} right after the property {@code after} (or at the end if {@code after} is absent). */
    Feature putAfter(String after, String key, Object value) {
        if (!props.containsKey(after) || props.containsKey(key)) {
            props.put(key, value);
            return this;
        }
        Map<String, Object> copy = new LinkedHashMap<>(props);
        props.clear();
        copy.forEach((k, v) -> {
            props.put(k, v);
            if (k.equals(after)) {
                props.put(key, value);
            }
        });
        return this;
    }
}
