package org.planmap.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.planmap.features.StoredFeature;
import org.planmap.geodata.CatalogueItem;
import org.planmap.geodata.DataSnapshot;

/**
 * The public picture of progress on one day: every catalogue item (all 393, mapped or not) with its status
 * (未填报 where nothing is recorded), and the counts by status — overall, per column, per ch.16 zone and per
 * showcase or demonstration area — plus the changes that took effect in the 90 days up to the day.
 */
final class ProgressBoard {
    static final int RECENT_DAYS = 90;

    private ProgressBoard() { }

    static Map<String, Object> build(DataSnapshot data, LocalDate day, Map<String, ProgressRecord> state,
                                     List<ProgressRecord> recent) {
        ItemPlaces places = data.get(ItemPlaces.VIEW);
        List<Map<String, Object>> items = new ArrayList<>();
        for (CatalogueItem i : data.catalogue()) items.add(item(i, state.get(i.id()), places));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("asOf", day.toString());
        out.put("statuses", statuses());
        out.put("total", items.size());
        out.put("counts", counts(items, x -> true));
        List<Map<String, Object>> byColumn = new ArrayList<>();
        data.catalogue().stream().map(CatalogueItem::column).distinct().forEach(c -> {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("column", c);
            g.put("id", "col-" + c);
            g.put("title", data.plan().column("col-" + c).map(col -> col.title()).orElse(""));
            g.put("counts", counts(items, x -> c.equals(x.get("column"))));
            byColumn.add(g);
        });
        out.put("byColumn", byColumn);
        List<Map<String, Object>> byZone = new ArrayList<>();
        for (StoredFeature z : places.zones()) byZone.add(group(z, counts(items, x -> z.id().equals(x.get("zone")))));
        Map<String, Object> none = new LinkedHashMap<>();
        none.put("id", null);
        none.put("name", "未落图项目（全区性或位置未定）");
        none.put("nameEn", "Unmapped items (district-wide or location not stated)");
        none.put("counts", counts(items, x -> x.get("zone") == null));
        byZone.add(none);
        out.put("byZone", byZone);
        List<Map<String, Object>> byArea = new ArrayList<>();
        for (StoredFeature a : places.areas()) {
            Map<String, Object> g = group(a, counts(items, x -> ((List<?>) x.get("areas")).contains(a.id())));
            g.put("collection", a.collection());
            byArea.add(g);
        }
        out.put("byArea", byArea);
        Map<String, String> names = new LinkedHashMap<>();
        data.catalogue().forEach(i -> names.put(i.id(), i.name()));
        out.put("recentDays", RECENT_DAYS);
        out.put("recent", recent.stream().map(r -> recentChange(r, names.get(r.itemId()))).toList());
        out.put("items", items);
        return out;
    }

    static List<Map<String, Object>> statuses() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ProgressStatus s : ProgressStatus.values()) out.add(Map.of("id", s.code(), "zh", s.zh(), "en", s.en()));
        return out;
    }

    static Map<String, Object> item(CatalogueItem i, ProgressRecord r, ItemPlaces places) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("column", i.column());
        m.put("number", i.number());
        m.put("name", i.name());
        m.put("nameEn", i.nameEn());
        m.put("featureId", i.featureId());
        m.put("zone", places.zone(i.id()));
        m.put("areas", places.areas(i.id()));
        putState(m, r);
        return m;
    }

    /** The status members of an item or a feature: {@code status} 未填报 when {@code r} is null. */
    static void putState(Map<String, Object> m, ProgressRecord r) {
        ProgressStatus s = r == null ? ProgressStatus.NOT_RECORDED : r.status();
        m.put("status", s.code());
        m.put("statusZh", s.zh());
        m.put("statusEn", s.en());
        if (r == null) return;
        m.put("since", r.effectiveDate().toString());
        m.put("startDate", r.startDate() == null ? null : r.startDate().toString());
        m.put("finishDate", r.finishDate() == null ? null : r.finishDate().toString());
        m.put("percentDone", r.percentDone());
        m.put("investment", r.investment());
        m.put("note", r.note());
        m.put("evidenceUrl", r.evidenceUrl());
        m.put("recordedAt", r.recordedAt().toString());
    }

    static Map<String, Object> record(ProgressRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        putState(m, r);
        m.put("recordedBy", r.recordedBy());
        m.put("source", r.source());
        return m;
    }

    private static Map<String, Object> recentChange(ProgressRecord r, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.itemId());
        m.put("name", name);
        m.put("date", r.effectiveDate().toString());
        m.put("status", r.status().code());
        return m;
    }

    private static Map<String, Object> group(StoredFeature f, Map<String, Integer> counts) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("id", f.id());
        g.put("name", f.name());
        g.put("nameEn", f.nameEn());
        g.put("counts", counts);
        return g;
    }

    private static Map<String, Integer> counts(List<Map<String, Object>> items, Predicate<Map<String, Object>> which) {
        Map<String, Integer> c = new LinkedHashMap<>();
        for (ProgressStatus s : ProgressStatus.values()) c.put(s.code(), 0);
        int total = 0;
        for (Map<String, Object> i : items) {
            if (!which.test(i)) continue;
            c.merge((String) i.get("status"), 1, Integer::sum);
            total++;
        }
        c.put("total", total);
        return c;
    }
}
