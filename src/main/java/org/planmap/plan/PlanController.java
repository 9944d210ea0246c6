package org.planmap.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.features.CatalogueRepository;
import org.planmap.plan.PlanRepository.NodeRow;
import org.planmap.system.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The plan document: table of contents and one node with its paragraphs, links and features. */
@RestController
class PlanController {
    private final PlanIndex index;
    private final CatalogueRepository catalogue;
    private final PlanNodeAssembler assembler;

    PlanController(PlanIndex index, CatalogueRepository catalogue, PlanNodeAssembler assembler) {
        this.index = index;
        this.catalogue = catalogue;
        this.assembler = assembler;
    }

    /** Parts → chapters → sections, with columns, tables and figures where they stand. */
    @GetMapping("/api/plan")
    Map<String, Object> toc() {
        Map<String, Object> out = new LinkedHashMap<>();
        index.preamble().ifPresent(p -> out.put("title", p.title()));
        out.put("preambleId", PlanRepository.PREAMBLE);
        out.put("toc", index.parts().stream().map(this::tocEntry).toList());
        return out;
    }

    private Map<String, Object> tocEntry(NodeRow n) {
        Map<String, Object> e = PlanNodeAssembler.summary(n);
        List<NodeRow> kids = index.children(n.id());
        if (!kids.isEmpty()) e.put("children", kids.stream().map(this::tocEntry).toList());
        return e;
    }

    @GetMapping("/api/plan/{id}")
    Map<String, Object> node(@PathVariable String id) {
        if (id.matches("col-\\d+-item-\\d+")) {
            String columnId = id.substring(0, id.indexOf("-item-"));
            Map<String, Object> column = assembler.node(index.node(columnId).orElseThrow(() -> ApiException.notFound("Plan element", id)));
            if (catalogue.find(Integer.valueOf(columnId.substring(4))).stream().noneMatch(i -> i.id().equals(id))) {
                throw ApiException.notFound("Plan element", id);
            }
            column.put("focusItem", id);
            return column;
        }
        NodeRow node = index.node(id).orElseThrow(() -> ApiException.notFound("Plan element", id));
        return assembler.node(node);
    }
}
