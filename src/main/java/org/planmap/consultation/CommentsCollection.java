package org.planmap.consultation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.planmap.features.CollectionDef;
import org.planmap.features.FeaturePage;
import org.planmap.features.FeatureQuery;
import org.planmap.features.FeatureRepository;
import org.planmap.features.StoredFeature;
import org.planmap.geodata.DataSnapshots;
import org.planmap.ogcapi.OgcCollectionSource;
import org.springframework.stereotype.Component;

/**
 * The OGC API collection {@code comments}: the published comments of every consultation, one feature each, with
 * the attributes of the exports ({@link CommentExports#attributes}: no contact, no client hash, no moderation notes)
 * and the comment's point or area ({@code null} for a comment on plan text). Queryable by {@code consultation},
 * {@code topic} and {@code zone}. Every change to the published set (an approval, a hiding, a comment published at
 * once) goes through {@code DataSnapshots.write}, so the OGC API's ETags move with it.
 */
@Component
class CommentsCollection implements OgcCollectionSource {
    static final String ID = "comments";
    private static final CollectionDef DEF = new CollectionDef(ID, "公众意见", "Public comments",
            "意见征集中已公开的公众意见（经审核），每条意见一个要素：类别、内容、所在片区和区域、赞同数；不含任何个人信息。",
            "The published (moderated) comments of the consultations, one feature each: topic, text, zone and areas, "
                    + "agreements; no personal data.",
            "consultation", "feature", List.of(), List.of("consultation", "topic", "zone"));

    private final CommentRepository comments;
    private final DataSnapshots snapshots;

    CommentsCollection(CommentRepository comments, DataSnapshots snapshots) {
        this.comments = comments;
        this.snapshots = snapshots;
    }

    @Override
    public CollectionDef def() {
        return DEF;
    }

    @Override
    public FeaturePage find(FeatureQuery query) {
        String topic = query.filters().get("topic");
        if (topic != null) ConsultationController.parseTopic(topic);
        String consultation = query.filters().get("consultation");
        String zone = query.filters().get("zone");
        return OgcCollectionSource.page(comments.allPublished().stream()
                .filter(c -> consultation == null || consultation.equals(c.consultationId()))
                .filter(c -> topic == null || topic.equals(Comment.lower(c.topic())))
                .filter(c -> zone == null || zone.equals(c.zone()))
                .map(CommentsCollection::feature), query);
    }

    @Override
    public Optional<StoredFeature> get(String id) {
        return comments.find(id).filter(c -> c.status() == Comment.Status.PUBLISHED).map(CommentsCollection::feature);
    }

    @Override
    public FeatureRepository.CollectionStats stats() {
        List<Comment> all = comments.allPublished();
        Envelope e = new Envelope();
        all.stream().filter(c -> c.geometry() != null).forEach(c -> e.expandToInclude(c.geometry().getEnvelopeInternal()));
        // no comment with a place yet: the district's extent, where every located comment will lie
        if (e.isNull()) snapshots.current().features("district").forEach(d -> e.expandToInclude(d.envelope()));
        return OgcCollectionSource.stats(all.size(), e);
    }

    @Override
    public Map<String, Object> queryableSchema(String name) {
        if (!name.equals("topic") && !name.equals("consultation")) return null;
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("title", name.equals("topic") ? "类别 Topic" : "意见征集 Consultation");
        s.put("type", "string");
        if (name.equals("topic")) s.put("enum", List.of("support", "concern", "suggestion", "question"));
        return s;
    }

    static StoredFeature feature(Comment c) {
        Map<String, Object> p = CommentExports.attributes(c);
        p.put("areaIds", c.areaIds());
        return new StoredFeature(c.id(), ID, null, null, null, c.zone(), null, p, c.geometry());
    }
}
