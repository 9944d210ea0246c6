package org.planmap.geodata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.system.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/catalogue?column=}: every 专栏 item, mapped or not, with the counts by reason and by column. */
@RestController
class CatalogueController {
    private final DataSnapshots snapshots;

    CatalogueController(DataSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @GetMapping("/api/catalogue")
    Map<String, Object> catalogue(@RequestParam(required = false) String column) {
        DataSnapshot data = snapshots.current();
        List<CatalogueItem> items;
        if (column == null) {
            items = data.catalogue();
        } else {
            if (!column.matches("\\d{1,2}") || Integer.parseInt(column) < 1 || Integer.parseInt(column) > 17) {
                throw ApiException.badParameter("column", column, "a column number from 1 to 17");
            }
            items = data.catalogue(Integer.parseInt(column));
        }
        long mapped = items.stream().filter(CatalogueItem::mapped).count();
        Map<String, Long> byReason = new LinkedHashMap<>();
        items.stream().filter(i -> i.reason() != null).forEach(i -> byReason.merge(i.reason(), 1L, Long::sum));
        Map<Integer, long[]> byColumn = new LinkedHashMap<>();
        items.forEach(i -> {
            long[] c = byColumn.computeIfAbsent(i.column(), k -> new long[2]);
            c[0]++;
            if (i.mapped()) c[1]++;
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", items.size());
        out.put("mapped", mapped);
        out.put("unmapped", items.size() - mapped);
        out.put("mappedShare", items.isEmpty() ? 0 : Math.round(1000.0 * mapped / items.size()) / 1000.0);
        out.put("byReason", byReason);
        out.put("byColumn", byColumn.entrySet().stream().map(e -> Map.of("column", e.getKey(), "total", e.getValue()[0],
                "mapped", e.getValue()[1])).toList());
        out.put("items", items);
        return out;
    }
}
