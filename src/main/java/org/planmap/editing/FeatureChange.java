package org.planmap.editing;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.planmap.geo.GeoJsonFeatures;
import org.planmap.system.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * What an editor changes in one save. A {@code null} member keeps the feature's current value; every other
 * member replaces it. Read from the request body by {@link #read}, which refuses anything that is not the right
 * JSON type (400 naming the member); whether the values make sense is {@link EditValidation}'s job.
 */
record FeatureChange(Geometry geometry, String name, String nameEn, List<String> aliases, String accuracy,
                     String accuracyNote, String accuracyNoteEn, List<String> planRefs) {
    static final int MAX_TEXT = 400;
    static final int MAX_NOTE = 2000;

    static FeatureChange read(JsonNode body) {
        if (body == null || !body.isObject()) throw ApiException.badParameter("body", null, "a JSON object is expected");
        Geometry geometry = null;
        JsonNode g = body.get("geometry");
        if (g != null && !g.isNull()) {
            if (!g.isObject()) throw ApiException.badParameter("geometry", g.toString(), "a GeoJSON geometry object is expected");
            try {
                geometry = GeoJsonFeatures.readGeometry(g.toString(), "geometry");
            } catch (IllegalArgumentException e) {
                throw ApiException.badParameter("geometry", null, e.getMessage());
            }
        }
        return new FeatureChange(geometry, text(body, "name", MAX_TEXT), text(body, "nameEn", MAX_TEXT), list(body, "aliases"),
                text(body, "accuracy", 40), text(body, "accuracyNote", MAX_NOTE), text(body, "accuracyNoteEn", MAX_NOTE),
                list(body, "planRefs"));
    }

    static String text(JsonNode body, String member, int max) {
        JsonNode n = body.get(member);
        if (n == null || n.isNull()) return null;
        if (!n.isString()) throw ApiException.badParameter(member, n.toString(), "a string is expected");
        String s = n.asString().strip();
        if (s.length() > max) throw ApiException.badParameter(member, null, "longer than " + max + " characters");
        return s;
    }

    private static List<String> list(JsonNode body, String member) {
        JsonNode n = body.get(member);
        if (n == null || n.isNull()) return null;
        if (!n.isArray()) throw ApiException.badParameter(member, n.toString(), "an array of strings is expected");
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isString()) throw ApiException.badParameter(member, e.toString(), "an array of strings is expected");
            String s = e.asString().strip();
            if (s.isEmpty()) continue;
            if (s.length() > MAX_TEXT) throw ApiException.badParameter(member, null, "an entry is longer than " + MAX_TEXT + " characters");
            if (!out.contains(s)) out.add(s);
        }
        if (out.size() > 50) throw ApiException.badParameter(member, null, "more than 50 entries");
        return out;
    }
}
