package org.planmap.consultation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.planmap.geo.GeoJsonFeatures;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stored comment. {@code contact} is personal data: only {@link #staffJson} carries it, never {@link #publicJson}
 * (the one form every public response, export and collection is built from).
 *
 * @param geometry   the point or drawn area, or the feature's point for a feature comment; null for plan text
 * @param sectionId  the plan node the comment is about (the paragraph's node for a paragraph)
 */
public record Comment(String id, String consultationId, Instant createdAt, Topic topic, Integer questionNo, String text,
                      AnchorKind anchorKind, String anchorRef, Geometry geometry, String zone, List<String> areaIds,
                      String sectionId, Status status, List<String> flaggedWords, String decisionReason,
                      Instant decidedAt, Instant publishedAt, int agreeCount, String contact) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public enum Topic { SUPPORT, CONCERN, SUGGESTION, QUESTION }

    public enum AnchorKind { POINT, AREA, FEATURE, SECTION, PARAGRAPH }

    public enum Status { PENDING, PUBLISHED, REJECTED, HIDDEN }

    static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }

    /** Public fields only: no contact, no client hash, no word-list flags, no moderation reason. */
    Map<String, Object> publicJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("consultationId", consultationId);
        m.put("createdAt", createdAt.toString());
        if (publishedAt != null) m.put("publishedAt", publishedAt.toString());
        m.put("topic", lower(topic));
        if (questionNo != null) m.put("question", questionNo);
        m.put("text", text);
        m.put("anchor", lower(anchorKind));
        if (anchorRef != null) m.put("anchorRef", anchorRef);
        if (zone != null) m.put("zone", zone);
        m.put("areaIds", areaIds);
        if (sectionId != null) m.put("sectionId", sectionId);
        m.put("agreeCount", agreeCount);
        if (geometry != null) m.put("geometry", JSON.readTree(GeoJsonFeatures.writeGeometry(geometry, 7)));
        return m;
    }

    /** What a moderator sees: the public fields, the state, the flags, the reason and the contact. */
    Map<String, Object> staffJson() {
        Map<String, Object> m = publicJson();
        m.put("status", lower(status));
        m.put("flaggedWords", flaggedWords);
        if (decisionReason != null) m.put("reason", decisionReason);
        if (decidedAt != null) m.put("decidedAt", decidedAt.toString());
        if (contact != null) m.put("contact", contact);
        return m;
    }
}
