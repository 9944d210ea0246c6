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
 * exactly one row with the same id and name, an English name and a decision; a mapped row has exactly one
 * project-site feature, an unmapped row has a reason. Any disagreement is an error that names the row.
 */
final class CatalogueReader {
    static final Set<String> STATUS = Set.of("mapped", "unmapped");
    static final List<String> HEADER = List.of("catalogueId", "column", "columnGroup", "name", "nameEn", "nameEnSource", "status",
            "reason", "decision");
    private static final int NAME = 3;
    private static final int NAME_EN = 4;
    private static final int NAME_EN_SOURCE = 5;
    private static final int STATUS_COLUMN = 6;
    private static final int REASON = 7;
    private static final int DECISION = 8;

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
            if (r.size() != HEADER.size()) throw new IllegalArgumentException("line " + (i + 1) + ": expected " + HEADER.size() + " fields, got " + r.size());
            if (byId.put(r.get(0), r) != null) throw new IllegalArgumentException("line " + (i + 1) + ": duplicate id " + r.get(0));
        }
        List<ColumnItem> items = doc.columns().stream().flatMap(c -> c.allItems().stream()).toList();
        List<CatalogueItem> out = new ArrayList<>();
        for (ColumnItem item : items) {
            List<String> r = byId.remove(item.id());
            if (r == null) throw new IllegalArgumentException("plan item " + item.id() + " '" + item.name() + "' has no row");
            if (!r.get(NAME).equals(item.name())) {
                throw new IllegalArgumentException(item.id() + ": name '" + r.get(NAME) + "' differs from the plan's '" + item.name() + "'");
            }
            if (r.get(NAME_EN).isBlank() || r.get(NAME_EN_SOURCE).isBlank()) {
                throw new IllegalArgumentException(item.id() + ": no English name or no source for it");
            }
            if (r.get(DECISION).isBlank()) throw new IllegalArgumentException(item.id() + ": no decision");
            String status = r.get(STATUS_COLUMN);
            if (!STATUS.contains(status)) throw new IllegalArgumentException(item.id() + ": status must be mapped or unmapped");
            StoredFeature site = siteByItem.remove(item.id());
            if (status.equals("mapped") && site == null) throw new IllegalArgumentException(item.id() + ": mapped but no project site has it");
            if (status.equals("unmapped") && site != null) throw new IllegalArgumentException(item.id() + ": unmapped but site '" + site.id() + "' has it");
            String reason = r.get(REASON);
            if (status.equals("unmapped") && reason.isBlank()) throw new IllegalArgumentException(item.id() + ": unmapped without a reason");
            out.add(new CatalogueItem(item.id(), item.column(), item.number(), item.group(), item.name(), r.get(NAME_EN),
                    r.get(NAME_EN_SOURCE), status, reason.isBlank() ? null : reason, r.get(DECISION), site == null ? null : site.id()));
        }
        if (!byId.isEmpty()) throw new IllegalArgumentException("rows not in the plan: " + byId.keySet());
        if (!siteByItem.isEmpty()) throw new IllegalArgumentException("project sites for unknown items: " + siteByItem.keySet());
        return out;
    }
}
