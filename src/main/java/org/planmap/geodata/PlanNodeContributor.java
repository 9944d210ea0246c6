package org.planmap.geodata;

import java.util.List;
import java.util.Map;

/**
 * Adds members to a plan node's detail ({@code GET /api/plan/{id}}) from a package above this one — e.g. the
 * indicators the node cites and the targets it sets — without this package depending on it.
 *
 * @see PlanNodeAssembler
 */
public interface PlanNodeContributor {
    /** {@code subtreeIds}: the node and every node below it, in reading order; {@code data}: the request's snapshot. */
    void contribute(DataSnapshot data, String nodeId, List<String> subtreeIds, Map<String, Object> detail);
}
