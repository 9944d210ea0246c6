package org.planmap.consultation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A public consultation: what it asks about (plan sections, areas, one to three questions), when it is open, and
 * whether comments are published after moderation (the default) or at once.
 *
 * @param id short code, also the short link {@code /c/{id}}
 */
public record Consultation(String id, String titleZh, String titleEn, Instant opensAt, Instant closesAt,
                           List<String> planRefs, List<String> areaIds, List<Question> questions,
                           PublishMode publishMode, Instant createdAt) {

    /** One question, in both languages. */
    public record Question(String zh, String en) { }

    public enum PublishMode {
        /** a moderator approves each comment before it is public */
        MODERATED,
        /** public at once (unless the word list flags it, then it waits for a moderator) */
        IMMEDIATE
    }

    public enum State { UPCOMING, OPEN, CLOSED }

    public State state(Instant now) {
        if (now.isBefore(opensAt)) return State.UPCOMING;
        return now.isBefore(closesAt) ? State.OPEN : State.CLOSED;
    }

    /** The public JSON form (nothing in a consultation is private). */
    Map<String, Object> json(Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("title", Map.of("zh", titleZh, "en", titleEn));
        m.put("opensAt", opensAt.toString());
        m.put("closesAt", closesAt.toString());
        m.put("state", state(now).name().toLowerCase(java.util.Locale.ROOT));
        m.put("planRefs", planRefs);
        m.put("areaIds", areaIds);
        m.put("questions", questions);
        m.put("publishMode", publishMode.name().toLowerCase(java.util.Locale.ROOT));
        m.put("link", "/c/" + id);
        return m;
    }
}
