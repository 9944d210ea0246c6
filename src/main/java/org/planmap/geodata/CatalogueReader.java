package org.planmap.geodata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.planmap.features.StoredFeature;
import org.planmap.plan.ColumnItem;
import org.planmap.plan.PlanDocument;
import org.planmap.system.Csv;

/**
 * Reads {@code project-catalogue.csv} and checks it against the plan: every column item of the plan has
 * exactly one row with the same id and name, a mapped row has exactly one project-site feature, an unmapped
 * row has a reason. Any disagreement is an error that names the row.
 */
final class CatalogueReader {
    static final Set<String> STATUS = Set.of("mapped", "unmapped");
    static final List<String> HEADER = List.of("catalogueId", "column", "columnGroup", "name", "status", "reason");

    private CatalogueReader() { }

    static List<CatalogueItem> read(PlanDocument doc, String csv, List<StoredFeature> sites) {
        List<List<String>> rows = Csv.parse(csv);
        if (rows.isEmpty() || !rows.get(0).equals(HEADER)) {
            throw new IllegalArgumentException("header must be " + String.join(",", HEADER));
        }
        Map<String, StoredFeature> siteByItem = new HashMap<>();
        for (StoredFeature s : sites) {
            Object item = s.properties().get("catalogueId");
            if (item == null) throw new IllegalArgumentException("project site '" + s.id() + "' has no catalogueId");
            if (siteByItem.put(item.toString(), s) != null) {
                throw new IllegalArgumentException("two project sites have catalogueId '" + item + "'");
            }
        }
        Map<String, List<String>> byId = new LinkedHashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.size() != HEADER.size()) throw new IllegalArgumentException("line " + (i + 1) + ": expected 6 fields, got " + r.size());
            if (byId.put(r.get(0), r) != null) throw new IllegalArgumentException("line " + (i + 1) + ": duplicate id " + r.get(0));
        }
        List<ColumnItem> items = doc.columns().stream().flatMap(c -> c.allItems().stream()).toList();
        List<CatalogueItem> out = new ArrayList<>();
        for (ColumnItem item : items) {
            List<String> r = byId.remove(item.id());
            if (r == null) throw new IllegalArgumentException("plan item " + item.id() + " '" + item.name() + "' has no row");
            if (!r.get(3).equals(item.name())) {
                throw new IllegalArgumentException(item.id() + ": name '" + r.get(3) + "' differs from the plan's '" + item.name() + "'");
            }
            String status = r.get(4);
            if (!STATUS.contains(status)) throw new IllegalArgumentException(item.id() + ": status must be mapped or unmapped");
            StoredFeature site = siteByItem.remove(item.id());
            if (status.equals("mapped") && site == null) throw new IllegalArgumentException(item.id() + ": mapped but no project site has it");
            if (status.equals("unmapped") && site != null) throw new IllegalArgumentException(item.id() + ": unmapped but site '" + site.id() + "' has it");
            if (status.equals("unmapped") && r.get(5).isBlank()) throw new IllegalArgumentException(item.id() + ": unmapped without a reason");
            out.add(new CatalogueItem(item.id(), item.column(), item.number(), item.group(), item.name(), status,
                    r.get(5).isBlank() ? null : r.get(5), site == null ? null : site.id()));
        }
        if (!byId.isEmpty()) throw new IllegalArgumentException("rows not in the plan: " + byId.keySet());
        if (!siteByItem.isEmpty()) throw new IllegalArgumentException("project sites for unknown items: " + siteByItem.keySet());
        return out;
    }
}
