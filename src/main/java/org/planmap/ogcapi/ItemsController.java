package org.planmap.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.Geometry;
import org.planmap.features.CollectionDef;
import org.planmap.features.FeatureJson;
import org.planmap.features.FeaturePage;
import org.planmap.features.StoredFeature;
import org.planmap.geo.Crs;
import org.planmap.geo.CrsTransform;
import org.planmap.geodata.DataSnapshot;
import org.planmap.geodata.DataSnapshots;
import org.planmap.geodata.PlanRef;
import org.planmap.system.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Features of a collection, paged, and single features (OGC API – Features Part 1 §7.15–7.16, Part 2 crs).
 * The collection is resolved from the registry and every parameter parsed before the store is asked.
 */
@RestController
class ItemsController {
    private final OgcCollections registry;
    private final FeatureJson featureJson;
    private final ItemsQueryParser parser;
    private final OgcCaching caching;
    private final JsonMapper json;
    private final DataSnapshots snapshots;
    private final HtmlPages pages;

    ItemsController(OgcCollections registry, FeatureJson featureJson,
                    ItemsQueryParser parser, OgcCaching caching, JsonMapper json, DataSnapshots snapshots, HtmlPages pages) {
        this.pages = pages;
        this.snapshots = snapshots;
        this.registry = registry;
        this.featureJson = featureJson;
        this.parser = parser;
        this.caching = caching;
        this.json = json;
    }

    @GetMapping({"/ogcapi/collections/{collectionId}/items", "/ogcapi/collections/{collectionId}/items/"})
    ResponseEntity<byte[]> items(@PathVariable String collectionId, ServletWebRequest web) {
        HttpServletRequest request = web.getRequest();
        CollectionDef def = registry.find(collectionId);
        ItemsQuery q = parser.parseItems(def, request.getParameterMap(), request.getHeader("Accept"));
        return caching.serve(web, "items|" + q.format() + "|" + q.offset() + "|" + q.selectionParameters(), contentCrs(q.crs()),
                () -> items(def, q, request));
    }

    private OgcCaching.Body items(CollectionDef def, ItemsQuery q, HttpServletRequest request) {
        FeaturePage page = registry.find(q.toFeatureQuery());
        OgcLinks links = OgcLinks.of(request);
        List<Link> all = pageLinks(q, page, links);
        if (q.format() == OgcFormat.HTML) {
            return OgcCaching.Body.of(pages.page(links, def.titleZh() + " · " + def.titleEn(), all,
                    HtmlPages.items(page.features(), def.id(), links, page.numberMatched(), q.offset())), OgcMediaTypes.HTML);
        }
        UnaryOperator<Geometry> transform = transform(q.crs());
        StringBuilder out = new StringBuilder(page.features().size() * 600 + 1024);
        out.append("{\"type\":\"FeatureCollection\",\"numberMatched\":").append(page.numberMatched())
                .append(",\"numberReturned\":").append(page.features().size())
                .append(",\"timeStamp\":\"").append(caching.data().loadedAt()).append('"')
                .append(",\"links\":").append(json.writeValueAsString(all))
                .append(",\"features\":[");
        boolean first = true;
        for (StoredFeature f : page.features()) {
            if (!first) out.append(',');
            first = false;
            featureJson.appendFeature(out, f, transform, List.of());
        }
        out.append("]}");
        return OgcCaching.Body.of(out.toString(), OgcMediaTypes.GEO_JSON);
    }

    /**
     * One feature. It is looked up in the current snapshot (in memory) before the caching prologue, so a missing
     * feature is a 404 whatever {@code If-None-Match} says.
     */
    @GetMapping({"/ogcapi/collections/{collectionId}/items/{featureId}", "/ogcapi/collections/{collectionId}/items/{featureId}/"})
    ResponseEntity<byte[]> item(@PathVariable String collectionId, @PathVariable String featureId, ServletWebRequest web) {
        HttpServletRequest request = web.getRequest();
        CollectionDef def = registry.find(collectionId);
        ItemsQueryParser.FeatureRequest r = parser.parseFeature(request.getParameterMap(), request.getHeader("Accept"));
        DataSnapshot data = snapshots.current();
        StoredFeature f = registry.get(def, featureId, data).orElseThrow(() -> ApiException.notFound("Feature", featureId));
        return caching.serve(web, "item|" + r.format() + "|" + r.crs().uri(), contentCrs(r.crs()), () -> item(def, f, r, request, data));
    }

    /** The feature as the snapshot holds it: the same data version as the ETag, without a database round trip. */
    private OgcCaching.Body item(CollectionDef def, StoredFeature f, ItemsQueryParser.FeatureRequest r, HttpServletRequest request,
                                 DataSnapshot data) {
        OgcLinks links = OgcLinks.of(request);
        String url = links.item(def.id(), f.id());
        Map<String, String> crsParam = r.crs() == Crs.CRS84 ? Map.of() : Map.of("crs", r.crs().uri());
        List<Link> all = new ArrayList<>();
        Link json = new Link(OgcLinks.withQuery(url, crsParam, "json"), "self", "application/geo+json", f.name() + " (GeoJSON)");
        Link html = new Link(OgcLinks.withQuery(url, crsParam, "html"), "self", "text/html", f.name() + " (HTML)");
        boolean isHtml = r.format() == OgcFormat.HTML;
        all.add(isHtml ? html : json);
        Link other = isHtml ? json : html;
        all.add(new Link(other.href(), "alternate", other.type(), other.title()));
        all.add(new Link(links.collection(def.id()), "collection", "application/json", def.titleEn()));
        if (isHtml) {
            Map<String, Object> rows = new LinkedHashMap<>();
            rows.put("id", f.id());
            rows.putAll(f.properties());
            rows.put("geometry", f.geometry() == null ? "none (not mapped)" : f.geometry().getGeometryType());
            if (f.geometry() != null) rows.put("bbox (CRS84)", java.util.Arrays.toString(FeatureJson.bbox(f.envelope())));
            return OgcCaching.Body.of(pages.page(links, f.name(), all, HtmlPages.table(rows)), OgcMediaTypes.HTML);
        }
        StringBuilder out = new StringBuilder(1024);
        // one item also says what the plan says about it: section, title and the sentence (pages keep only the ids)
        List<Map<String, Object>> references = new ArrayList<>();
        for (PlanRef ref : data.references().forFeature(f.id())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sectionId", ref.nodeId());
            m.put("title", ref.nodeTitle());
            m.put("link", ref.kind());
            m.put("paragraphId", ref.paragraphId());
            m.put("sentence", ref.sentence());
            references.add(m);
        }
        featureJson.appendFeature(out, f, transform(r.crs()), List.of("\"links\":" + this.json.writeValueAsString(all),
                "\"planReferences\":" + this.json.writeValueAsString(references)));
        return OgcCaching.Body.of(out.toString(), OgcMediaTypes.GEO_JSON);
    }

    /** self, alternate, next (when more match), prev (when not on the first page), collection. */
    private static List<Link> pageLinks(ItemsQuery q, FeaturePage page, OgcLinks links) {
        String url = links.items(q.collection().id());
        Map<String, String> sel = q.selectionParameters();
        String fSelf = q.format() == OgcFormat.HTML ? "html" : "json";
        String fOther = q.format() == OgcFormat.HTML ? "json" : "html";
        String selfType = q.format() == OgcFormat.HTML ? "text/html" : "application/geo+json";
        String otherType = q.format() == OgcFormat.HTML ? "application/geo+json" : "text/html";
        List<Link> out = new ArrayList<>();
        out.add(new Link(OgcLinks.withQuery(url, at(sel, q.offset()), fSelf), "self", selfType, "This page"));
        out.add(new Link(OgcLinks.withQuery(url, at(sel, q.offset()), fOther), "alternate", otherType, "This page"));
        if (q.offset() + page.features().size() < page.numberMatched() && !page.features().isEmpty()) {
            out.add(new Link(OgcLinks.withQuery(url, at(sel, q.offset() + q.limit()), fSelf), "next", selfType, "Next page"));
        }
        if (q.offset() > 0) {
            out.add(new Link(OgcLinks.withQuery(url, at(sel, Math.max(0, q.offset() - q.limit())), fSelf), "prev", selfType,
                    "Previous page"));
        }
        out.add(new Link(links.collection(q.collection().id()), "collection", "application/json", q.collection().titleEn()));
        return out;
    }

    private static Map<String, String> at(Map<String, String> selection, long offset) {
        Map<String, String> p = new LinkedHashMap<>(selection);
        if (offset > 0) p.put("offset", Long.toString(offset));
        return p;
    }

    private static UnaryOperator<Geometry> transform(Crs crs) {
        return crs == Crs.CRS84 ? UnaryOperator.identity() : g -> CrsTransform.toAuthorityOrder(g, crs);
    }

    /** OGC API – Features Part 2: every features response names its CRS. */
    private static HttpHeaders contentCrs(Crs crs) {
        HttpHeaders h = new HttpHeaders();
        h.set("Content-Crs", "<" + crs.uri() + ">");
        return h;
    }
}
