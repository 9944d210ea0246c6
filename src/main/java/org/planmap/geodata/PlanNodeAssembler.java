package org.planmap.geodata;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.planmap.features.FeatureSummary;
import org.planmap.plan.PlanIndex;
import org.springframework.stereotype.Component;

/**
 * Builds the JSON shape of one plan node for the reader: paragraphs with the offsets of every mapped place
 * name, the features the node (and its subsections) refers to, and the kind-specific parts (a column's items
 * with their catalogue state, a table's rows, a note's text). Everything comes from one snapshot.
 */
@Component
class PlanNodeAssembler {
    private final List<PlanNodeContributor> contributors;

    PlanNodeAssembler(List<PlanNodeContributor> contributors) {
        this.contributors = contributors;
    }

    /** A feature listed with a plan node, and whether the node names it in {@code planRefs} or in its text. */
    record LinkedFeature(@JsonUnwrapped FeatureSummary feature, String link) { }

    static Map<String, Object> summary(PlanIndex.Entry n) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", n.id());
        e.put("kind", n.kind().toLowerCase());
        if (n.number() != null) e.put("number", n.number());
        e.put("title", n.title());
        if (n.body().get("titleEn") != null) e.put("titleEn", n.body().get("titleEn"));
        return e;
    }

    Map<String, Object> node(DataSnapshot data, PlanIndex.Entry node) {
        PlanIndex index = data.planIndex();
        Map<String, Object> out = summary(node);
        out.put("parentId", node.parentId());
        out.put("path", index.path(node.id()).stream().map(PlanNodeAssembler::summary).toList());
        index.neighbour(node.id(), -1).ifPresent(n -> out.put("prev", summary(n)));
        index.neighbour(node.id(), 1).ifPresent(n -> out.put("next", summary(n)));
        out.put("paragraphs", paragraphs(data, node.id()));
        out.put("children", index.children(node.id()).stream().map(PlanNodeAssembler::summary).toList());
        out.put("notes", index.notes(node.id()).stream().map(n -> {
            Map<String, Object> note = summary(n);
            note.putAll(n.body());
            return note;
        }).toList());
        List<String> subtree = index.subtreeIds(node.id());
        out.put("features", featuresOf(data, subtree));
        switch (node.kind()) {
            case "COLUMN" -> out.put("column", column(data, node));
            case "TABLE" -> out.put("table", table(data, node));
            case "NOTE", "FIGURE" -> out.putAll(node.body());
            default -> { }
        }
        for (PlanNodeContributor c : contributors) c.contribute(data, node.id(), subtree, out);
        return out;
    }

    private static List<Map<String, Object>> paragraphs(DataSnapshot data, String nodeId) {
        Map<String, List<Map<String, Object>>> mentions = new LinkedHashMap<>();
        for (PlanRef r : data.references().mentionsIn(nodeId)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("featureId", r.featureId());
            m.put("name", r.matchedName());
            m.put("start", r.start());
            m.put("end", r.end());
            mentions.computeIfAbsent(r.paragraphId(), k -> new ArrayList<>()).add(m);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (PlanIndex.Text p : data.planIndex().paragraphs(nodeId)) {
            Map<String, Object> para = new LinkedHashMap<>();
            para.put("id", p.id());
            para.put("text", p.text());
            para.put("mentions", mentions.getOrDefault(p.id(), List.of()));
            out.add(para);
        }
        return out;
    }

    /** Features linked to the nodes of a subtree: declared links first, then mentions. */
    private static List<LinkedFeature> featuresOf(DataSnapshot data, List<String> subtree) {
        Set<String> declared = new LinkedHashSet<>();
        Set<String> mentioned = new LinkedHashSet<>();
        for (String id : subtree) {
            for (PlanRef r : data.references().forNode(id)) (r.declared() ? declared : mentioned).add(r.featureId());
        }
        mentioned.removeAll(declared);
        List<LinkedFeature> out = new ArrayList<>();
        for (String id : declared) data.feature(id).ifPresent(f -> out.add(new LinkedFeature(FeatureSummary.of(f), PlanRef.DECLARED)));
        for (String id : mentioned) data.feature(id).ifPresent(f -> out.add(new LinkedFeature(FeatureSummary.of(f), PlanRef.MENTION)));
        return out;
    }

    private static Map<String, Object> column(DataSnapshot data, PlanIndex.Entry node) {
        Map<String, Object> out = new LinkedHashMap<>(node.body());
        List<CatalogueItem> items = data.catalogue(Integer.parseInt(node.id().substring(4)));
        out.put("items", items);
        out.put("mapped", items.stream().filter(CatalogueItem::mapped).count());
        return out;
    }

    private static Map<String, Object> table(DataSnapshot data, PlanIndex.Entry node) {
        Map<String, Object> out = new LinkedHashMap<>(node.body());
        out.put("rows", data.plan().table(node.id()).map(t -> t.rows()).orElse(List.of()));
        return out;
    }
}
