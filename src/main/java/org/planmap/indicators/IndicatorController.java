package org.planmap.indicators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.geodata.DataSnapshot;
import org.planmap.geodata.DataSnapshots;
import org.planmap.plan.IndicatorMarker;
import org.planmap.plan.IndicatorRow;
import org.planmap.plan.IndicatorTable;
import org.planmap.system.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The indicator tables, their comparisons and links, and the quantified targets found in the text. */
@RestController
class IndicatorController {

    private final DataSnapshots snapshots;
    private final Indicators indicators;
    private final Table2Baselines baselines;

    IndicatorController(DataSnapshots snapshots, Indicators indicators, Table2Baselines baselines) {
        this.snapshots = snapshots;
        this.indicators = indicators;
        this.baselines = baselines;
    }

    record TableView(String id, int number, String title, String note, String categorySource,
            List<Map<String, String>> markers, List<IndicatorView> rows) {
    }

    record Summary(int met, int notMet, int notComparable) {
    }

    record IndicatorsResponse(List<TableView> tables, Summary summary, List<String> problems) {
    }

    record TargetsResponse(int count, List<QuantifiedTarget> targets) {
    }

    record FeatureTargetsResponse(String featureId, List<IndicatorLinks.FeatureIndicator> indicators,
            List<QuantifiedTarget> targets) {
    }

    @GetMapping("/api/indicators")
    IndicatorsResponse indicators() {
        IndicatorLinks links = indicators.links(snapshots.current());
        IndicatorCatalog catalog = links.catalog();
        List<TableView> tables = new ArrayList<>();
        int met = 0;
        int notMet = 0;
        int nc = 0;
        for (IndicatorTable t : catalog.plan().tables()) {
            List<IndicatorView> rows = t.rows().stream().map(r -> view(links, r)).toList();
            boolean ours = t.rows().stream().allMatch(r -> r.category() == null);
            List<Map<String, String>> markers = IndicatorTable.markers().stream()
                    .filter(m -> t.note() != null && t.note().contains(m.mark().substring(0, 1)))
                    .map(IndicatorController::marker).toList();
            tables.add(new TableView(t.id(), t.number(), t.title(), t.note(), ours ? "planmap" : "plan", markers,
                    rows));
            if (t.number() == 1) {
                for (IndicatorView r : rows) {
                    switch (r.comparison().outcome()) {
                        case MET -> met++;
                        case NOT_MET -> notMet++;
                        default -> nc++;
                    }
                }
            }
        }
        return new IndicatorsResponse(tables, new Summary(met, notMet, nc), links.problems());
    }

    @GetMapping("/api/indicators/{id}")
    IndicatorView indicator(@PathVariable String id) {
        IndicatorLinks links = indicators.links(snapshots.current());
        IndicatorRow row = links.catalog().plan().indicator(id).orElseThrow(() -> ApiException.notFound("indicator", id));
        return view(links, row);
    }

    @GetMapping("/api/targets")
    TargetsResponse targets(@RequestParam(required = false) String section,
            @RequestParam(required = false) String feature) {
        DataSnapshot data = snapshots.current();
        IndicatorLinks links = indicators.links(data);
        if (section != null && data.plan().node(section).isEmpty()) {
            throw ApiException.badParameter("section", section, "no plan section with this id");
        }
        if (feature != null && data.feature(feature).isEmpty()) {
            throw ApiException.badParameter("feature", feature, "no feature with this id");
        }
        List<QuantifiedTarget> found = links.targets(section, feature);
        return new TargetsResponse(found.size(), found);
    }

    @GetMapping("/api/features/{id}/targets")
    FeatureTargetsResponse featureTargets(@PathVariable String id) {
        DataSnapshot data = snapshots.current();
        IndicatorLinks links = indicators.links(data);
        if (data.feature(id).isEmpty()) {
            throw ApiException.notFound("feature", id);
        }
        return new FeatureTargetsResponse(id, links.indicatorsForFeature(id), links.targetsForFeature(id));
    }

    private IndicatorView view(IndicatorLinks links, IndicatorRow r) {
        IndicatorCatalog catalog = links.catalog();
        boolean ours = r.category() == null;
        String category = ours ? catalog.table2Groups().get(r.id()) : r.category();
        return new IndicatorView(r.id(), "table-" + r.table(), r.table(), r.number(), category,
                ours ? "planmap" : "plan", r.name(), catalog.nameEn(r.id()).nameEn(), catalog.nameEn(r.id()).source(), r.unit(), r.attribute(), attributeEn(r.attribute()),
                catalog.direction(r.id()), catalog.directionReason(r.id()), IndicatorView.Value.of(r.target()),
                IndicatorView.Value.of(r.result()), r.result() == null ? null : catalog.comparison(r),
                catalog.keywords(r.id()), catalog.sections(r.id()), links.featuresForIndicator(r.id()),
                baselines.of(r.id(), catalog.plan()).orElse(null));
    }

    private static String attributeEn(String attribute) {
        if ("约束性".equals(attribute)) {
            return "binding";
        }
        return "预期性".equals(attribute) ? "expected" : attribute;
    }

    private static Map<String, String> marker(IndicatorMarker m) {
        return Map.of("mark", m.mark(), "zh", m.meaningZh(), "en", m.meaningEn());
    }
}
