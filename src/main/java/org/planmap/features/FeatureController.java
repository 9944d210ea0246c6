package org.planmap.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.planmap.features.PlanRefRepository.PlanRef;
import org.planmap.system.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** One feature for the side panel: its properties, what the plan says about it, and what lies with it. */
@RestController
class FeatureController {
    /** Areas a feature can lie in, and the layers whose features lie in an area. */
    static final List<String> AREAS = List.of("zones", "showcase-areas", "demonstration-zones", "science-city");
    private static final Set<String> AREA_SET = Set.copyOf(AREAS);
    private static final int MAX_RELATED = 200;

    private final FeatureRepository features;
    private final PlanRefRepository refs;
    private final CatalogueRepository catalogue;
    private final List<FeatureDetailContributor> contributors;
    private final JsonMapper json;

    FeatureController(FeatureRepository features, PlanRefRepository refs, CatalogueRepository catalogue,
                      List<FeatureDetailContributor> contributors, JsonMapper json) {
        this.features = features;
        this.refs = refs;
        this.catalogue = catalogue;
        this.contributors = contributors;
        this.json = json;
    }

    @GetMapping("/api/features/{id}")
    Map<String, Object> feature(@PathVariable String id) {
        StoredFeature f = features.get(id).orElseThrow(() -> ApiException.notFound("Feature", id));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", f.id());
        out.put("collection", f.collection());
        Map<String, Object> props = new LinkedHashMap<>(f.properties());
        out.put("properties", props);
        out.put("geometry", json.readTree(org.planmap.geo.GeoJsonFeatures.writeGeometry(f.geometry(), FeatureJson.DECIMALS)));
        out.put("bbox", FeatureJson.bbox(f.envelope()));
        out.put("planRefs", refs.forFeature(id).stream().map(FeatureController::planRef).toList());
        out.put("related", related(f));
        for (FeatureDetailContributor c : contributors) c.contribute(f, out);
        return out;
    }

    private static Map<String, Object> planRef(PlanRef r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nodeId", r.nodeId());
        m.put("title", r.nodeTitle());
        m.put("nodeKind", r.nodeKind() == null ? null : r.nodeKind().toLowerCase());
        m.put("kind", r.kind());
        m.put("paragraphId", r.paragraphId());
        m.put("sentence", r.sentence());
        m.put("matchedName", r.matchedName());
        return m;
    }

    /** For an area: what lies in it (sites first, then other areas). For anything else: the areas it lies in. */
    private List<Map<String, Object>> related(StoredFeature f) {
        List<String> layers = new ArrayList<>(AREAS);
        if (AREA_SET.contains(f.collection()) || f.collection().equals("district")) layers.add(0, "project-sites");
        List<Map<String, Object>> out = new ArrayList<>();
        for (StoredFeature r : features.intersecting(f.geometry(), layers)) {
            if (r.id().equals(f.id())) continue;
            // an area touching another only along a shared edge is not "related"
            if (AREA_SET.contains(f.collection()) && AREA_SET.contains(r.collection())
                    && !r.geometry().relate(f.geometry(), "T********")) continue;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("name", r.name());
            m.put("nameEn", r.nameEn());
            m.put("collection", r.collection());
            m.put("accuracy", r.accuracy());
            m.put("relation", AREA_SET.contains(r.collection()) && !AREA_SET.contains(f.collection()) ? "within" : "contains");
            out.add(m);
            if (out.size() >= MAX_RELATED) break;
        }
        out.sort(java.util.Comparator.comparing(m -> "project-sites".equals(m.get("collection")) ? 1 : 0));
        return out;
    }

    @GetMapping("/api/catalogue")
    Map<String, Object> catalogue(@RequestParam(required = false) String column) {
        Integer number = null;
        if (column != null) {
            if (!column.matches("\\d{1,2}") || Integer.parseInt(column) < 1 || Integer.parseInt(column) > 17) {
                throw ApiException.badParameter("column", column, "a column number from 1 to 17");
            }
            number = Integer.valueOf(column);
        }
        List<CatalogueRepository.Item> items = catalogue.find(number);
        long mapped = items.stream().filter(i -> "mapped".equals(i.status())).count();
        Map<String, Long> byReason = new LinkedHashMap<>();
        items.stream().filter(i -> i.reason() != null).forEach(i -> byReason.merge(i.reason(), 1L, Long::sum));
        Map<Integer, long[]> byColumn = new LinkedHashMap<>();
        items.forEach(i -> {
            long[] c = byColumn.computeIfAbsent(i.column(), k -> new long[2]);
            c[0]++;
            if ("mapped".equals(i.status())) c[1]++;
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
