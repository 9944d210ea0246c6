package org.planmap.consultation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.planmap.geo.GeoJsonFeatures;
import org.planmap.system.ApiException;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * A resident's comment as sent, parsed once: every refusal is a 4xx {@link ApiException} naming the field, with
 * the detail in Chinese too. Exactly one anchor: {@code point} [lon, lat], {@code area} (a GeoJSON Polygon),
 * {@code featureId} or {@code planRef} (a plan node or paragraph id). {@code website} is the form's hidden honeypot.
 */
record CommentSubmission(Comment.Topic topic, Integer question, String text, Comment.AnchorKind anchorKind,
                         Geometry geometry, String anchorRef, String contact) {

    static CommentSubmission parse(JsonNode body, ConsultationProperties limits) {
        if (body == null || !body.isObject()) {
            throw problem(HttpStatus.BAD_REQUEST, "The body must be a JSON object", "请求体必须是 JSON 对象", null, null);
        }
        if (!text(body, "website").isEmpty()) {
            throw problem(HttpStatus.BAD_REQUEST, "This form was filled in by a program; the comment was not accepted",
                    "该表单由程序填写，意见未被接受", "website", null);
        }
        String topicText = text(body, "topic");
        Comment.Topic topic;
        try {
            topic = Comment.Topic.valueOf(topicText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, "Choose a topic: support, concern, suggestion or question",
                    "请选择类别：支持、关注、建议或提问", "topic", topicText);
        }
        String text = clean(text(body, "text"));
        if (text.isBlank()) {
            throw problem(HttpStatus.BAD_REQUEST, "Write your comment", "请填写意见内容", "text", null);
        }
        if (text.codePointCount(0, text.length()) > limits.maxTextLength()) {
            throw problem(HttpStatus.UNPROCESSABLE_CONTENT, "The comment is longer than " + limits.maxTextLength() + " characters",
                    "意见超过 " + limits.maxTextLength() + " 个字", "text", null).withLimit("max-text-length");
        }
        String contact = clean(text(body, "contact")).strip();
        if (contact.length() > limits.maxContactLength()) {
            throw problem(HttpStatus.UNPROCESSABLE_CONTENT, "The contact is longer than " + limits.maxContactLength() + " characters",
                    "联系方式超过 " + limits.maxContactLength() + " 个字", "contact", null).withLimit("max-contact-length");
        }
        if (!contact.isEmpty() && !body.path("consent").asBoolean(false)) {
            throw problem(HttpStatus.BAD_REQUEST, "To leave a contact, agree to how it is kept (the consent box), or leave it empty",
                    "留下联系方式前请勾选同意说明，或不填联系方式", "consent", null);
        }
        Integer question = null;
        if (body.hasNonNull("question")) {
            if (!body.get("question").canConvertToInt()) {
                throw problem(HttpStatus.BAD_REQUEST, "question must be the number of a question", "question 须为问题编号", "question",
                        body.get("question").toString());
            }
            question = body.get("question").asInt();
        }
        List<String> anchors = new ArrayList<>();
        for (String a : List.of("point", "area", "featureId", "planRef")) if (body.hasNonNull(a)) anchors.add(a);
        if (anchors.size() != 1) {
            throw problem(HttpStatus.BAD_REQUEST, "Pin the comment to one place, area, map feature or plan section",
                    "请把意见标注在一个地点、范围、地图要素或规划条文上", "anchor", String.join(",", anchors));
        }
        return switch (anchors.get(0)) {
            case "point" -> new CommentSubmission(topic, question, text, Comment.AnchorKind.POINT, point(body.get("point")), null, emptyToNull(contact));
            case "area" -> new CommentSubmission(topic, question, text, Comment.AnchorKind.AREA, area(body.get("area")), null, emptyToNull(contact));
            case "featureId" -> new CommentSubmission(topic, question, text, Comment.AnchorKind.FEATURE, null, text(body, "featureId"), emptyToNull(contact));
            default -> new CommentSubmission(topic, question, text, Comment.AnchorKind.SECTION, null, text(body, "planRef"), emptyToNull(contact));
        };
    }

    private static Geometry point(JsonNode p) {
        if (!p.isArray() || p.size() != 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw problem(HttpStatus.BAD_REQUEST, "point must be [longitude, latitude]", "point 须为 [经度, 纬度]", "point", p.toString());
        }
        double lon = p.get(0).asDouble();
        double lat = p.get(1).asDouble();
        if (!Double.isFinite(lon) || !Double.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
            throw problem(HttpStatus.BAD_REQUEST, "point must be [longitude, latitude] in degrees", "point 须为以度表示的 [经度, 纬度]",
                    "point", p.toString());
        }
        return GeoJsonFeatures.WGS84.createPoint(new Coordinate(lon, lat));
    }

    private static Geometry area(JsonNode a) {
        String raw = a.toString();
        if (raw.length() > 100_000) {
            throw problem(HttpStatus.UNPROCESSABLE_CONTENT, "The drawn area has too many points", "所画范围的点过多", "area", null);
        }
        Geometry g;
        try {
            g = GeoJsonFeatures.readGeometry(raw, "area");
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, "area must be a GeoJSON Polygon", "area 须为 GeoJSON 面", "area", null);
        }
        if (!"Polygon".equals(g.getGeometryType()) || g.isEmpty() || !g.isValid() || g.getNumPoints() > 2000) {
            throw problem(HttpStatus.BAD_REQUEST, "area must be one simple polygon (not crossing itself, at most 2,000 points)",
                    "area 须为一个不自相交的面（最多 2000 个点）", "area", null);
        }
        return g;
    }

    /** Removes control characters except line breaks and tabs: the text is plain text and shown as text. */
    static String clean(String s) {
        return s.replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").replaceAll("[\\u202A-\\u202E\\u2066-\\u2069]", "");
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return "";
        if (!n.isString()) {
            throw problem(HttpStatus.BAD_REQUEST, field + " must be text", field + " 须为文本", field, n.toString());
        }
        return n.asString();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static ApiException problem(HttpStatus status, String en, String zh, String parameter, String value) {
        return new ApiException(status, en, parameter, value).withChinese(zh);
    }
}
