package org.planmap.geodata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.plan.PlanIndex;
import org.planmap.system.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The plan document: table of contents and one node with its paragraphs, links and features. */
@RestController
class PlanController {
    private final DataSnapshots snapshots;
    private final PlanNodeAssembler assembler;

    PlanController(DataSnapshots snapshots, PlanNodeAssembler assembler) {
        this.snapshots = snapshots;
        this.assembler = assembler;
    }

    /** Parts → chapters → sections, with columns, tables and figures where they stand. */
    @GetMapping("/api/plan")
    Map<String, Object> toc() {
        PlanIndex index = snapshots.current().planIndex();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", index.preamble().title());
        out.put("preambleId", PlanIndex.PREAMBLE);
        out.put("toc", index.parts().stream().map(n -> tocEntry(index, n)).toList());
        return out;
    }

    private static Map<String, Object> tocEntry(PlanIndex index, PlanIndex.Entry n) {
        Map<String, Object> e = PlanNodeAssembler.summary(n);
        List<PlanIndex.Entry> kids = index.children(n.id());
        if (!kids.isEmpty()) e.put("children", kids.stream().map(k -> tocEntry(index, k)).toList());
        return e;
    }

    @GetMapping("/api/plan/{id}")
    Map<String, Object> node(@PathVariable String id) {
        DataSnapshot data = snapshots.current();
        if (id.matches("col-\\d+-item-\\d+")) {
            String columnId = id.substring(0, id.indexOf("-item-"));
            PlanIndex.Entry column = data.planIndex().node(columnId).orElseThrow(() -> ApiException.notFound("Plan element", id));
            if (data.catalogue().stream().noneMatch(i -> i.id().equals(id))) throw ApiException.notFound("Plan element", id);
            Map<String, Object> out = assembler.node(data, column);
            out.put("focusItem", id);
            return out;
        }
        PlanIndex.Entry node = data.planIndex().node(id).orElseThrow(() -> ApiException.notFound("Plan element", id));
        return assembler.node(data, node);
    }
}
