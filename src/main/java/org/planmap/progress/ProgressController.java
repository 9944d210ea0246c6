package org.planmap.progress;

import java.util.LinkedHashMap;
import java.util.Map;
import org.planmap.geodata.CatalogueItem;
import org.planmap.geodata.DataSnapshot;
import org.planmap.geodata.DataSnapshots;
import org.planmap.system.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public face of progress: {@code GET /api/progress?asOf=} (every item, counts, recent changes) and
 * {@code GET /api/progress/items/{id}} (one item's state and its whole history), {@code GET /api/progress/indicator-values}.
 */
@RestController
class ProgressController {
    private final ProgressService progress;
    private final IndicatorValues indicatorValues;
    private final DataSnapshots snapshots;

    ProgressController(ProgressService progress, IndicatorValues indicatorValues, DataSnapshots snapshots) {
        this.progress = progress;
        this.indicatorValues = indicatorValues;
        this.snapshots = snapshots;
    }

    /** Yearly values of the Table 2 indicators (2021–2025), each with who entered it and when; rows without values too. */
    @GetMapping("/api/progress/indicator-values")
    Map<String, Object> indicatorValues() {
        return indicatorValues.current();
    }

    @GetMapping("/api/progress")
    Map<String, Object> board(@RequestParam(required = false) String asOf) {
        return progress.board(snapshots.current(), progress.day(asOf));
    }

    @GetMapping("/api/progress/items/{id}")
    Map<String, Object> item(@PathVariable String id, @RequestParam(required = false) String asOf) {
        DataSnapshot data = snapshots.current();
        CatalogueItem item = data.catalogue().stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiException.notFound("Catalogue item", id));
        var day = progress.day(asOf);
        Map<String, Object> out = new LinkedHashMap<>(ProgressBoard.item(item, progress.asOf(day).get(id), data.get(ItemPlaces.VIEW)));
        out.put("asOf", day.toString());
        out.put("history", progress.history(id).stream().map(ProgressBoard::record).toList());
        return out;
    }
}
