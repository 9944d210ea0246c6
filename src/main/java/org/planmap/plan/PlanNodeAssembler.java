package org.planmap.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.planmap.features.CatalogueRepository;
import org.planmap.features.FeatureRepository;
import org.planmap.features.PlanRefRepository;
import org.planmap.features.PlanRefRepository.PlanRef;
import org.planmap.features.StoredFeature;
import org.planmap.plan.PlanRepository.NodeRow;
import org.planmap.plan.PlanRepository.ParagraphRow;
import org.springframework.stereotype.Component;

/**
 * Builds the JSON shape of one plan node for the reader: paragraphs with the offsets of every mapped place
 * name, the features the node (and its subsections) refers to, and the kind-specific parts (a column's items
 * with their catalogue state, a table's rows, a note's text).
 */
@Component
public class PlanNodeAssembler {
    private final PlanIndex index;
    private final PlanRepository repository;
    private final PlanRefRepository refs;
    private final FeatureRepository features;
    private final CatalogueRepository catalogue;
    private final List<PlanNodeContributor> contributors;

    PlanNodeAssembler(PlanIndex index, PlanRepository repository, PlanRefRepository refs, FeatureRepository features,
                      CatalogueRepository catalogue, List<PlanNodeContributor> contributors) {
        this.contributors = contributors;
        this.index = index;
        this.repository = repository;
        this.refs = refs;
        this.features = features;
        this.catalogue = catalogue;
    }

    static Map<String, Object> summary(NodeRow n) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", n.id());
        e.put("kind", n.kind().toLowerCase());
        if (n.number() != null) e.put("number", n.number());
        e.put("title", n.title());
        if (n.body().get("titleEn") != null) e.put("titleEn", n.body().get("titleEn"));
        return e;
    }

    public Map<String, Object> node(NodeRow node) {
        Map<String, Object> out = summary(node);
        out.put("parentId", node.parentId());
        out.put("path", index.path(node.id()).stream().map(PlanNodeAssembler::summary).toList());
        index.neighbour(node.id(), -1).ifPresent(n -> out.put("prev", summary(n)));
        index.neighbour(node.id(), 1).ifPresent(n -> out.put("next", summary(n)));
        out.put("paragraphs", paragraphs(node.id()));
        out.put("children", index.children(node.id()).stream().map(PlanNodeAssembler::summary).toList());
        out.put("notes", index.notes(node.id()).stream().map(n -> {
            Map<String, Object> note = summary(n);
            note.putAll(n.body());
            return note;
        }).toList());
        out.put("features", featuresOf(node.id()));
        switch (node.kind()) {
            case "COLUMN" -> out.put("column", column(node));
            case "TABLE" -> out.put("table", table(node));
            case "NOTE", "FIGURE" -> out.putAll(node.body());
            default -> { }
        }
        List<String> subtree = index.subtreeIds(node.id());
        for (PlanNodeContributor c : contributors) c.contribute(node.id(), subtree, out);
        return out;
    }

    private List<Map<String, Object>> paragraphs(String nodeId) {
        Map<String, List<Map<String, Object>>> mentions = new LinkedHashMap<>();
        for (PlanRef r : refs.mentionsInNode(nodeId)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("featureId", r.featureId());
            m.put("name", r.matchedName());
            m.put("start", r.start());
            m.put("end", r.end());
            mentions.computeIfAbsent(r.paragraphId(), k -> new ArrayList<>()).add(m);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (ParagraphRow p : repository.paragraphs(nodeId)) {
            Map<String, Object> para = new LinkedHashMap<>();
            para.put("id", p.id());
            para.put("text", p.text());
            para.put("mentions", mentions.getOrDefault(p.id(), List.of()));
            out.add(para);
        }
        return out;
    }

    /** Features linked to the node or any node below it: declared links first, then mentions. */
    public List<Map<String, Object>> featuresOf(String nodeId) {
        Set<String> declared = new LinkedHashSet<>();
        Set<String> mentioned = new LinkedHashSet<>();
        for (String id : index.subtreeIds(nodeId)) {
            for (PlanRef r : refs.forNode(id)) (r.kind().equals("declared") ? declared : mentioned).add(r.featureId());
        }
        mentioned.removeAll(declared);
        Set<String> ids = new LinkedHashSet<>(declared);
        ids.addAll(mentioned);
        Map<String, StoredFeature> byId = new LinkedHashMap<>();
        for (StoredFeature f : features.getAll(ids)) byId.put(f.id(), f);
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : ids) {
            StoredFeature f = byId.get(id);
            if (f == null) continue;
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", f.id());
            e.put("name", f.name());
            e.put("nameEn", f.nameEn());
            e.put("collection", f.collection());
            e.put("accuracy", f.accuracy());
            e.put("link", declared.contains(id) ? "declared" : "mention");
            e.put("bbox", new double[] {f.envelope().getMinX(), f.envelope().getMinY(), f.envelope().getMaxX(), f.envelope().getMaxY()});
            out.add(e);
        }
        return out;
    }

    private Map<String, Object> column(NodeRow node) {
        Map<String, Object> out = new LinkedHashMap<>(node.body());
        int number = Integer.parseInt(node.id().substring(4));
        List<CatalogueRepository.Item> items = catalogue.find(number);
        out.put("items", items);
        out.put("mapped", items.stream().filter(i -> "mapped".equals(i.status())).count());
        return out;
    }

    private Map<String, Object> table(NodeRow node) {
        Map<String, Object> out = new LinkedHashMap<>(node.body());
        int number = Integer.parseInt(node.id().substring(6));
        out.put("rows", repository.indicators().stream()
                .filter(r -> r.get("table") instanceof Number t && t.intValue() == number).toList());
        return out;
    }
}
