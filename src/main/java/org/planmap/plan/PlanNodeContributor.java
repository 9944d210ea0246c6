package org.planmap.plan;

import java.util.List;
import java.util.Map;

/**
 * Adds members to a plan node's detail ({@code GET /api/plan/{id}}) from another part of the app — e.g. the
 * indicators the node cites and the targets it sets — without the plan package depending on it.
 *
 * @see PlanNodeAssembler
 */
public interface PlanNodeContributor {
    /** {@code subtreeIds}: the node and every node below it, in reading order. */
    void contribute(String nodeId, List<String> subtreeIds, Map<String, Object> detail);
}
