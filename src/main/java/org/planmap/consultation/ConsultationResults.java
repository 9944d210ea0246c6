package org.planmap.consultation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The results of a consultation, from its published comments only: counts by topic, ch.16 zone,
 * showcase/demonstration area and plan section, agreements, and per topic within each zone (the chart's stacks).
 */
final class ConsultationResults {
    private ConsultationResults() { }

    static Map<String, Object> of(Consultation c, List<Comment> published, int received, java.time.Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("consultation", c.json(now));
        m.put("received", received);
        m.put("published", published.size());
        m.put("agreements", published.stream().mapToInt(Comment::agreeCount).sum());
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (Comment.Topic t : Comment.Topic.values()) topics.put(Comment.lower(t), 0);
        published.forEach(x -> topics.merge(Comment.lower(x.topic()), 1, Integer::sum));
        m.put("byTopic", topics);
        m.put("byZone", count(published, x -> x.zone() == null ? List.of() : List.of(x.zone())));
        m.put("byArea", count(published, Comment::areaIds));
        m.put("bySection", count(published, x -> x.sectionId() == null ? List.of() : List.of(x.sectionId())));
        Map<String, Map<String, Integer>> zoneTopics = new TreeMap<>();
        for (Comment x : published) {
            if (x.zone() == null) continue;
            zoneTopics.computeIfAbsent(x.zone(), k -> new LinkedHashMap<>()).merge(Comment.lower(x.topic()), 1, Integer::sum);
        }
        m.put("byZoneAndTopic", zoneTopics);
        m.put("comments", published.stream()
                .sorted(java.util.Comparator.comparingInt(Comment::agreeCount).reversed().thenComparing(Comment::createdAt))
                .map(Comment::publicJson).toList());
        return m;
    }

    private static Map<String, Integer> count(List<Comment> comments, Function<Comment, List<String>> keys) {
        Map<String, Integer> m = new TreeMap<>();
        for (Comment c : comments) for (String k : keys.apply(c)) m.merge(k, 1, Integer::sum);
        return m;
    }
}
