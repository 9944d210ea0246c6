package org.planmap.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.system.Csv;

/** Our English titles of the plan's nodes ({@code geodata/plan/titles-en.csv}, header {@code id,titleEn}). */
public final class PlanTitles {
    private PlanTitles() { }

    /** Node id → English title, in file order; every id must be a node of {@code doc}, every title non-blank. */
    public static Map<String, String> readEnglish(PlanDocument doc, String csv) {
        Map<String, String> out = new LinkedHashMap<>();
        List<List<String>> rows = Csv.parse(csv);
        if (rows.isEmpty() || !rows.get(0).equals(List.of("id", "titleEn"))) throw new IllegalArgumentException("header must be id,titleEn");
        for (List<String> r : rows.subList(1, rows.size())) {
            if (r.size() != 2 || r.get(1).isBlank()) throw new IllegalArgumentException("row " + r + " needs an id and a title");
            if (doc.node(r.get(0)).isEmpty()) throw new IllegalArgumentException("id '" + r.get(0) + "' is not in the plan");
            out.put(r.get(0), r.get(1));
        }
        return out;
    }
}
