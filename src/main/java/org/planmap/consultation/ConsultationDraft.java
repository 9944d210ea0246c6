package org.planmap.consultation;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.planmap.geodata.DataSnapshot;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * A new consultation as an administrator sends it, checked against the current data: titles in both languages,
 * opening before closing, plan references and areas that exist, one to three questions (each in zh and en),
 * {@code publishMode} {@code moderated} (default) or {@code immediate}.
 */
final class ConsultationDraft {
    private ConsultationDraft() { }

    static Consultation parse(JsonNode b, DataSnapshot data, Instant now) {
        if (b == null || !b.isObject()) throw bad("The body must be a JSON object", "请求体必须是 JSON 对象", null);
        String zh = title(b, "titleZh");
        String en = title(b, "titleEn");
        Instant opens = instant(b, "opensAt");
        Instant closes = instant(b, "closesAt");
        if (!opens.isBefore(closes)) throw bad("closesAt must be after opensAt", "结束时间须晚于开始时间", "closesAt");
        List<String> planRefs = strings(b, "planRefs");
        for (String r : planRefs) {
            if (data.planIndex().node(r).isEmpty() && data.planIndex().paragraph(r).isEmpty()) {
                throw bad("There is no plan section '" + r + "'", "规划中没有条文 “" + r + "”", "planRefs");
            }
        }
        List<String> areaIds = strings(b, "areaIds");
        for (String a : areaIds) {
            if (data.feature(a).isEmpty()) throw bad("There is no map feature '" + a + "'", "地图上没有要素 “" + a + "”", "areaIds");
        }
        JsonNode qs = b.path("questions");
        if (!qs.isArray() || qs.isEmpty() || qs.size() > 3) {
            throw bad("Ask one to three questions", "请设置一至三个问题", "questions");
        }
        List<Consultation.Question> questions = new ArrayList<>();
        for (JsonNode q : qs) {
            String qzh = q.path("zh").asString("").strip();
            String qen = q.path("en").asString("").strip();
            if (qzh.isEmpty() || qen.isEmpty() || qzh.length() > 500 || qen.length() > 500) {
                throw bad("Each question needs zh and en text (at most 500 characters)", "每个问题须有中英文（不超过 500 字）", "questions");
            }
            questions.add(new Consultation.Question(qzh, qen));
        }
        String mode = b.path("publishMode").asString("moderated");
        Consultation.PublishMode publishMode;
        try {
            publishMode = Consultation.PublishMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad("publishMode must be moderated or immediate", "publishMode 须为 moderated 或 immediate", "publishMode");
        }
        return new Consultation(ConsultationRepository.newCode(), zh, en, opens, closes, planRefs, areaIds, questions, publishMode, now);
    }

    private static String title(JsonNode b, String field) {
        String t = CommentSubmission.clean(b.path(field).asString("")).strip();
        if (t.isEmpty() || t.length() > 200) throw bad(field + " is needed (at most 200 characters)", field + " 必填（不超过 200 字）", field);
        return t;
    }

    private static Instant instant(JsonNode b, String field) {
        try {
            return Instant.parse(b.path(field).asString(""));
        } catch (DateTimeParseException e) {
            throw bad(field + " must be a time such as 2026-12-01T19:00:00Z", field + " 须为时间，例如 2026-12-01T19:00:00Z", field);
        }
    }

    private static List<String> strings(JsonNode b, String field) {
        JsonNode n = b.path(field);
        if (n.isMissingNode() || n.isNull()) return List.of();
        if (!n.isArray() || n.size() > 50) throw bad(field + " must be a list of ids", field + " 须为 id 列表", field);
        List<String> out = new ArrayList<>();
        for (JsonNode x : n) out.add(x.asString(""));
        return out;
    }

    private static org.planmap.system.ApiException bad(String en, String zh, String parameter) {
        return CommentSubmission.problem(HttpStatus.BAD_REQUEST, en, zh, parameter, null);
    }
}
