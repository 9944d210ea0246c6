package org.planmap.geodata;

import java.util.Map;
import org.planmap.plan.PlanDocument;
import org.planmap.plan.PlanIndex;

/**
 * The plan as one text made it: the parsed document, its index, and the SHA-256 of the source files it was read
 * from, so a snapshot of the same texts reuses it (and the plan views built on it) instead of parsing again.
 */
record ParsedPlan(PlanDocument document, PlanIndex index, Map<String, String> sources, DataSnapshot.Views views) {

    ParsedPlan(PlanDocument document, Map<String, String> titlesEn, Map<String, String> sources) {
        this(document, PlanIndex.of(document, titlesEn), Map.copyOf(sources), new DataSnapshot.Views());
    }
}
