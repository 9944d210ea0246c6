package org.planmap.geodata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.planmap.features.CollectionRegistry;
import org.planmap.features.StoredFeature;
import org.planmap.plan.ColumnItem;
import org.planmap.plan.Paragraph;
import org.planmap.plan.PlanDocument;
import org.planmap.plan.PlanIndex;
import org.planmap.plan.PlanNode;

/**
 * Builds the feature ↔ plan links: the hand-made {@code planRefs} of each feature and the mentions the gazetteer
 * finds. The loader checks the declared links strictly (an unknown id fails the load, naming the file and the
 * feature); a snapshot built from the database skips an unknown id instead, so one bad edit cannot stop the app
 * from reading its data.
 */
final class PlanLinker {
    private PlanLinker() { }

    /** The declared links of these features; throws if a planRef is not in the plan. */
    static List<PlanRef> declared(PlanDocument doc, Collection<StoredFeature> features) {
        return declared(doc, features, true);
    }

    /** The declared links of these features, leaving out planRefs that are not in the plan. */
    static List<PlanRef> declaredKnown(PlanDocument doc, Collection<StoredFeature> features) {
        return declared(doc, features, false);
    }

    private static List<PlanRef> declared(PlanDocument doc, Collection<StoredFeature> features, boolean strict) {
        // the document's lookups walk its tree; index it once for every feature's refs
        Map<String, PlanNode> nodes = new HashMap<>();
        doc.walk().forEach(n -> nodes.put(n.id(), n));
        Map<String, ColumnItem> items = new HashMap<>();
        doc.columns().forEach(c -> c.allItems().forEach(i -> items.put(i.id(), i)));
        List<PlanRef> refs = new ArrayList<>();
        for (StoredFeature f : features) refs.addAll(declared(nodes, items, f, strict));
        return refs;
    }

    /** Every place where a paragraph names one of these features. */
    static List<PlanRef> mentions(PlanDocument doc, Collection<StoredFeature> features, CollectionRegistry registry) {
        List<PlanRef> refs = new ArrayList<>();
        List<MentionFinder.Text> texts = new ArrayList<>();
        for (Paragraph p : doc.preamble()) texts.add(new MentionFinder.Text(p.id(), PlanIndex.PREAMBLE, p.text()));
        doc.walk().forEach(n -> n.paragraphs().forEach(p -> texts.add(new MentionFinder.Text(p.id(), n.id(), p.text()))));
        for (MentionFinder.Mention m : new MentionFinder(List.copyOf(features), MentionFinder.priority(registry)).find(texts)) {
            refs.add(new PlanRef(m.featureId(), m.nodeId(), null, null, m.paragraphId(), PlanRef.MENTION, m.start(), m.end(),
                    m.name(), m.sentence()));
        }
        return refs;
    }

    private static List<PlanRef> declared(Map<String, PlanNode> nodes, Map<String, ColumnItem> items, StoredFeature f,
                                          boolean strict) {
        List<PlanRef> out = new ArrayList<>();
        if (!(f.properties().get("planRefs") instanceof List<?> ids)) return out;
        List<String> names = MentionFinder.names(f);
        for (Object o : ids) {
            String id = String.valueOf(o);
            ColumnItem item = items.get(id);
            if (item != null) {
                String columnId = "col-" + item.column();
                Paragraph line = nodes.get(columnId).paragraphs().stream().filter(p -> p.text().contains(item.name()))
                        .findFirst().orElse(null);
                out.add(declaredRef(f, columnId, line, item.name()));
                continue;
            }
            PlanNode node = nodes.get(id);
            if (node == null && !strict) continue;
            if (node == null) {
                throw new IllegalArgumentException("feature '" + f.id() + "': planRefs names '" + id + "', which is not in the plan");
            }
            out.add(firstNaming(f, id, node, names));
        }
        return out;
    }

    /** The link to {@code node} at the first paragraph of its subtree that holds one of the feature's names. */
    private static PlanRef firstNaming(StoredFeature f, String nodeId, PlanNode node, List<String> names) {
        for (PlanNode n : (Iterable<PlanNode>) node.walk()::iterator) {
            for (Paragraph p : n.paragraphs()) {
                for (String name : names) {
                    if (p.text().contains(name)) return declaredRef(f, nodeId, p, name);
                }
            }
        }
        return declaredRef(f, nodeId, null, null);
    }

    private static PlanRef declaredRef(StoredFeature f, String nodeId, Paragraph p, String name) {
        if (p == null) return new PlanRef(f.id(), nodeId, null, null, null, PlanRef.DECLARED, null, null, null, null);
        int start = name == null ? -1 : p.text().indexOf(name);
        String sentence = start < 0 ? MentionFinder.sentenceAround(p.text(), 0, 0)
                : MentionFinder.sentenceAround(p.text(), start, start + name.length());
        return new PlanRef(f.id(), nodeId, null, null, p.id(), PlanRef.DECLARED, start < 0 ? null : start,
                start < 0 ? null : start + name.length(), name, sentence);
    }
}
