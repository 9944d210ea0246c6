package org.planmap.geodata;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.features.CollectionRegistry;
import org.planmap.features.FeatureJson;
import org.planmap.features.FeatureRepository;
import org.planmap.features.FeatureSummary;
import org.planmap.features.StoredFeature;
import org.planmap.geo.GeoJsonWriter;
import org.planmap.system.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** One feature for the side panel: its properties, what the plan says about it, and what lies with it. */
@RestController
class FeatureController {
    private static final int MAX_RELATED = 200;

    private final DataSnapshots snapshots;
    private final CollectionRegistry registry;
    private final FeatureRepository features;
    private final List<FeatureDetailContributor> contributors;

    FeatureController(DataSnapshots snapshots, CollectionRegistry registry, FeatureRepository features,
                      List<FeatureDetailContributor> contributors) {
        this.snapshots = snapshots;
        this.registry = registry;
        this.features = features;
        this.contributors = contributors;
    }

    /** A feature that lies in, or contains, the one asked for. */
    record RelatedFeature(@JsonUnwrapped FeatureSummary feature, String relation) { }

    @GetMapping("/api/features/{id}")
    Map<String, Object> feature(@PathVariable String id) {
        DataSnapshot data = snapshots.current();
        StoredFeature f = data.feature(id).orElseThrow(() -> ApiException.notFound("Feature", id));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", f.id());
        out.put("collection", f.collection());
        out.put("properties", new LinkedHashMap<>(f.properties()));
        out.put("geometry", GeoJsonWriter.WGS84.value(f.geometry()));
        out.put("bbox", FeatureJson.bbox(f.envelope()));
        out.put("planRefs", data.references().forFeature(id).stream().map(FeatureController::planRef).toList());
        out.put("related", related(f));
        for (FeatureDetailContributor c : contributors) c.contribute(data, f, out);
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

    /** For an area: what lies in it (other areas, then sites). For anything else: the areas it lies in. */
    private List<RelatedFeature> related(StoredFeature f) {
        boolean isArea = registry.isArea(f.collection());
        List<String> layers = new ArrayList<>(registry.areaCollections());
        if (isArea || f.collection().equals("district")) layers.add(0, "project-sites");
        List<RelatedFeature> out = new ArrayList<>();
        for (StoredFeature r : features.intersecting(f.geometry(), layers)) {
            if (r.id().equals(f.id())) continue;
            boolean rIsArea = registry.isArea(r.collection());
            // an area touching another only along a shared edge is not "related"
            if (isArea && rIsArea && !r.geometry().relate(f.geometry(), "T********")) continue;
            out.add(new RelatedFeature(FeatureSummary.of(r), rIsArea && !isArea ? "within" : "contains"));
            if (out.size() >= MAX_RELATED) break;
        }
        out.sort(Comparator.comparing(r -> "project-sites".equals(r.feature().collection()) ? 1 : 0));
        return out;
    }
}
