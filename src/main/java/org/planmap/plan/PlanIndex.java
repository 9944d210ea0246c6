package org.planmap.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.planmap.features.GeodataLoader;
import org.planmap.plan.PlanRepository.NodeRow;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The plan's node tree as read from the database, held in memory between loads (the plan only changes when
 * the loader runs). Gives parent/child navigation, breadcrumbs and reading order without a query per step.
 */
@Component
public class PlanIndex {
    private final PlanRepository repository;
    private volatile Map<String, NodeRow> byId = Map.of();
    private volatile Map<String, List<NodeRow>> children = Map.of();
    private volatile List<NodeRow> readingOrder = List.of();

    public PlanIndex(PlanRepository repository) {
        this.repository = repository;
    }

    @EventListener
    public void onLoaded(GeodataLoader.DataLoaded event) {
        refresh();
    }

    public synchronized void refresh() {
        Map<String, NodeRow> ids = new LinkedHashMap<>();
        Map<String, List<NodeRow>> kids = new LinkedHashMap<>();
        List<NodeRow> order = new ArrayList<>();
        for (NodeRow n : repository.nodes()) {
            ids.put(n.id(), n);
            if (n.parentId() != null) kids.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n);
            if (!n.kind().equals("NOTE") && !n.kind().equals("PREAMBLE")) order.add(n);
        }
        byId = Collections.unmodifiableMap(ids);
        children = Collections.unmodifiableMap(kids);
        readingOrder = List.copyOf(order);
    }

    public Optional<NodeRow> node(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public Optional<NodeRow> preamble() {
        return node(PlanRepository.PREAMBLE);
    }

    /** Child nodes in source order (glossary notes excluded). */
    public List<NodeRow> children(String id) {
        return children.getOrDefault(id, List.of()).stream().filter(n -> !n.kind().equals("NOTE")).toList();
    }

    public List<NodeRow> notes(String id) {
        return children.getOrDefault(id, List.of()).stream().filter(n -> n.kind().equals("NOTE")).toList();
    }

    public List<NodeRow> parts() {
        return readingOrder.stream().filter(n -> n.parentId() == null).toList();
    }

    public List<NodeRow> all() {
        return readingOrder;
    }

    /** The node and all its descendants' ids. */
    public List<String> subtreeIds(String id) {
        List<String> out = new ArrayList<>();
        collect(id, out);
        return out;
    }

    private void collect(String id, List<String> out) {
        out.add(id);
        for (NodeRow c : children.getOrDefault(id, List.of())) collect(c.id(), out);
    }

    /** From the part down to the node itself. */
    public List<NodeRow> path(String id) {
        List<NodeRow> path = new ArrayList<>();
        for (NodeRow n = byId.get(id); n != null; n = n.parentId() == null ? null : byId.get(n.parentId())) path.add(0, n);
        return path;
    }

    /** The node before/after {@code id} in reading order, or empty at either end. */
    public Optional<NodeRow> neighbour(String id, int step) {
        for (int i = 0; i < readingOrder.size(); i++) {
            if (readingOrder.get(i).id().equals(id)) {
                int j = i + step;
                return j >= 0 && j < readingOrder.size() ? Optional.of(readingOrder.get(j)) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
