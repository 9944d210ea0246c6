package org.planmap.geodata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.plan.PlanIndex;

/**
 * Every feature ↔ plan link of one snapshot, both kinds, indexed both ways. Orders are reading orders: a node's
 * links by paragraph then offset; a feature's declared links first, then its mentions as the plan reads.
 */
public final class PlanReferences {
    private final List<PlanRef> all;
    private final Map<String, List<PlanRef>> byFeature = new LinkedHashMap<>();
    private final Map<String, List<PlanRef>> byNode = new LinkedHashMap<>();

    PlanReferences(PlanIndex index, List<PlanRef> refs) {
        List<PlanRef> titled = new ArrayList<>(refs.size());
        for (PlanRef r : refs) {
            titled.add(index.node(r.nodeId()).map(n -> r.titled(n.title(), n.kind())).orElse(r));
        }
        Comparator<PlanRef> reading = Comparator
                .comparingInt((PlanRef r) -> index.node(r.nodeId()).map(PlanIndex.Entry::seq).orElse(Integer.MAX_VALUE))
                .thenComparingInt(r -> index.paragraph(r.paragraphId()).map(PlanIndex.Text::seq).orElse(Integer.MAX_VALUE))
                .thenComparingInt(r -> r.start() == null ? Integer.MAX_VALUE : r.start());
        List<PlanRef> sorted = new ArrayList<>(titled);
        sorted.sort(reading);
        this.all = List.copyOf(sorted);
        for (PlanRef r : all) byNode.computeIfAbsent(r.nodeId(), k -> new ArrayList<>()).add(r);
        List<PlanRef> declaredFirst = new ArrayList<>(all);
        declaredFirst.sort(Comparator.comparingInt((PlanRef r) -> r.declared() ? 0 : 1));
        for (PlanRef r : declaredFirst) byFeature.computeIfAbsent(r.featureId(), k -> new ArrayList<>()).add(r);
        byNode.replaceAll((k, v) -> List.copyOf(v));
        byFeature.replaceAll((k, v) -> List.copyOf(v));
    }

    /** What the plan says about a feature: declared links first, then mentions in reading order. */
    public List<PlanRef> forFeature(String featureId) {
        return byFeature.getOrDefault(featureId, List.of());
    }

    /** Every link into one node (a section, a column …), in reading order. */
    public List<PlanRef> forNode(String nodeId) {
        return byNode.getOrDefault(nodeId, List.of());
    }

    /** The mentions in one node's paragraphs, for the link offsets of the reader. */
    public List<PlanRef> mentionsIn(String nodeId) {
        return forNode(nodeId).stream().filter(r -> !r.declared()).toList();
    }

    /** All links, in reading order. */
    public List<PlanRef> all() {
        return all;
    }
}
