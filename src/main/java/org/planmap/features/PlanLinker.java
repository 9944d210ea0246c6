package org.planmap.features;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.planmap.features.PlanRefRepository.PlanRef;
import org.planmap.plan.ColumnItem;
import org.planmap.plan.Paragraph;
import org.planmap.plan.PlanDocument;
import org.planmap.plan.PlanNode;
import org.planmap.plan.PlanRepository;

/**
 * Builds the feature ↔ plan links at load time: the hand-made {@code planRefs} of each feature (checked:
 * an unknown id fails the load, naming the file and feature) and the mentions the gazetteer finds.
 */
final class PlanLinker {
    private PlanLinker() { }

    /** The declared links of these features; throws if a planRef is not in the plan. */
    static List<PlanRef> declared(PlanDocument doc, Collection<StoredFeature> features) {
        List<PlanRef> refs = new ArrayList<>();
        for (StoredFeature f : features) refs.addAll(declared(doc, f));
        return refs;
    }

    /** Every place where a paragraph names one of these features. */
    static List<PlanRef> mentions(PlanDocument doc, Collection<StoredFeature> features) {
        List<PlanRef> refs = new ArrayList<>();
        List<MentionFinder.Text> texts = new ArrayList<>();
        for (Paragraph p : doc.preamble()) texts.add(new MentionFinder.Text(p.id(), PlanRepository.PREAMBLE, p.text()));
        doc.walk().forEach(n -> n.paragraphs().forEach(p -> texts.add(new MentionFinder.Text(p.id(), n.id(), p.text()))));
        for (MentionFinder.Mention m : finder(doc, features).find(texts)) {
            refs.add(new PlanRef(m.featureId(), m.nodeId(), null, null, m.paragraphId(), "mention", m.start(), m.end(),
                    m.name(), m.sentence()));
        }
        return refs;
    }

    /** The finder over these features, the bundled place-name list and the plan's unmapped column items. */
    static MentionFinder finder(PlanDocument doc, Collection<StoredFeature> features) {
        Set<String> mapped = new HashSet<>();
        for (StoredFeature f : features) if (f.properties().get("catalogueId") instanceof String id) mapped.add(id);
        List<String> unmapped = doc.columns().stream().flatMap(c -> c.allItems().stream())
                .filter(i -> !mapped.contains(i.id())).map(ColumnItem::name).toList();
        return new MentionFinder(PlaceLexicon.of(MentionFinder.layered(List.copyOf(features)), PlaceNames.bundled(), unmapped));
    }

    private static List<PlanRef> declared(PlanDocument doc, StoredFeature f) {
        List<PlanRef> out = new ArrayList<>();
        if (!(f.properties().get("planRefs") instanceof List<?> ids)) return out;
        List<String> names = MentionFinder.names(f);
        for (Object o : ids) {
            String id = String.valueOf(o);
            Optional<ColumnItem> item = doc.item(id);
            if (item.isPresent()) {
                String columnId = "col-" + item.get().column();
                PlanNode column = doc.node(columnId).orElseThrow();
                Paragraph line = column.paragraphs().stream().filter(p -> p.text().contains(item.get().name()))
                        .findFirst().orElse(null);
                out.add(declaredRef(f, columnId, line, item.get().name()));
                continue;
            }
            PlanNode node = doc.node(id).orElseThrow(() -> new IllegalArgumentException(
                    "feature '" + f.id() + "': planRefs names '" + id + "', which is not in the plan"));
            Paragraph hit = null;
            String hitName = null;
            for (PlanNode n : node.walk().toList()) {
                for (Paragraph p : n.paragraphs()) {
                    for (String name : names) {
                        if (hit == null && p.text().contains(name)) { hit = p; hitName = name; }
                    }
                }
            }
            out.add(declaredRef(f, id, hit, hitName));
        }
        return out;
    }

    private static PlanRef declaredRef(StoredFeature f, String nodeId, Paragraph p, String name) {
        if (p == null) return new PlanRef(f.id(), nodeId, null, null, null, "declared", null, null, null, null);
        int start = name == null ? -1 : p.text().indexOf(name);
        String sentence = start < 0 ? MentionFinder.sentenceAround(p.text(), 0, 0)
                : MentionFinder.sentenceAround(p.text(), start, start + name.length());
        return new PlanRef(f.id(), nodeId, null, null, p.id(), "declared", start < 0 ? null : start,
                start < 0 ? null : start + name.length(), name, sentence);
    }
}
