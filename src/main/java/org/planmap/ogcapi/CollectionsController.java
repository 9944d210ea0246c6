package org.planmap.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.features.CollectionDef;
import org.planmap.features.FeatureRepository;
import org.planmap.geo.Crs;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The collections list, one collection's metadata, and its queryables (OGC API – Features Part 1 §7.13–7.14,
 * Part 2 {@code crs}/{@code storageCrs}, Part 3 queryables). Collections come from the registry only.
 */
@RestController
class CollectionsController {
    private final OgcCollections registry;
    private final OgcCaching caching;
    private final JsonMapper json;
    private final HtmlPages pages;

    CollectionsController(OgcCollections registry, OgcCaching caching, JsonMapper json, HtmlPages pages) {
        this.pages = pages;
        this.registry = registry;
        this.caching = caching;
        this.json = json;
    }

    @GetMapping({"/ogcapi/collections", "/ogcapi/collections/"})
    void collections(HttpServletRequest request, HttpServletResponse response) {
        OgcFormat format = ItemsQueryParser.format(request.getParameterMap(), request.getHeader("Accept"), OgcMediaTypes.PLAIN);
        caching.serve(request, response, "collections|" + format, data -> {
            OgcLinks links = OgcLinks.of(request);
            Map<String, FeatureRepository.CollectionStats> stats = registry.stats(data);
            List<Map<String, Object>> list = new ArrayList<>();
            for (CollectionDef def : registry.all()) list.add(info(def, stats.get(def.id()), links));
            List<Link> self = OgcLinks.selfAndAlternate(links.url("/collections"), format, "application/json", "Collections");
            if (format == OgcFormat.HTML) {
                return html(pages.page(links, "要素集合 Collections", self, HtmlPages.collections(list, links)));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("links", self);
            body.put("collections", list);
            body.put("crs", OgcCrs.URIS);
            return new OgcCaching.Body(json.writeValueAsBytes(body), OgcMediaTypes.JSON);
        });
    }

    @GetMapping({"/ogcapi/collections/{collectionId}", "/ogcapi/collections/{collectionId}/"})
    void collection(@PathVariable String collectionId, HttpServletRequest request, HttpServletResponse response) {
        CollectionDef def = find(collectionId);
        OgcFormat format = ItemsQueryParser.format(request.getParameterMap(), request.getHeader("Accept"), OgcMediaTypes.PLAIN);
        caching.serve(request, response, "collection|" + format, data -> {
            OgcLinks links = OgcLinks.of(request);
            Map<String, Object> info = info(def, registry.stats(data).get(def.id()), links);
            if (format == OgcFormat.HTML) {
                @SuppressWarnings("unchecked")
                List<Link> all = (List<Link>) info.get("links");
                Map<String, Object> rows = new LinkedHashMap<>(info);
                rows.remove("links");
                return html(pages.page(links, def.titleZh() + " · " + def.titleEn(), swapSelf(all), HtmlPages.table(rows)));
            }
            return new OgcCaching.Body(json.writeValueAsBytes(info), OgcMediaTypes.JSON);
        });
    }

    @GetMapping({"/ogcapi/collections/{collectionId}/queryables", "/ogcapi/collections/{collectionId}/queryables/"})
    void queryables(@PathVariable String collectionId, HttpServletRequest request, HttpServletResponse response) {
        CollectionDef def = find(collectionId);
        OgcFormat format = ItemsQueryParser.format(request.getParameterMap(), request.getHeader("Accept"), OgcMediaTypes.SCHEMA);
        caching.serve(request, response, "queryables|" + format, data -> {
            OgcLinks links = OgcLinks.of(request);
            Map<String, Object> props = new LinkedHashMap<>();
            for (String q : def.queryables()) props.put(q, registry.queryableSchema(def, q));
            if (format == OgcFormat.HTML) {
                List<Link> all = OgcLinks.selfAndAlternate(links.collection(def.id()) + "/queryables", format,
                        OgcMediaTypes.SCHEMA_JSON.toString(), "Queryables");
                return html(pages.page(links, "Queryables · " + def.titleEn(), all, HtmlPages.table(props)));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            body.put("$id", links.collection(def.id()) + "/queryables");
            body.put("type", "object");
            body.put("title", def.titleZh() + " · " + def.titleEn());
            body.put("properties", props);
            body.put("additionalProperties", false);
            return new OgcCaching.Body(json.writeValueAsBytes(body), OgcMediaTypes.SCHEMA_JSON);
        });
    }

    private CollectionDef find(String id) {
        return registry.find(id);
    }

    /** Collection metadata as OGC API – Features Part 1 and Part 2 describe it. */
    static Map<String, Object> info(CollectionDef def, FeatureRepository.CollectionStats stats, OgcLinks links) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", def.id());
        c.put("title", def.titleZh());
        c.put("titleEn", def.titleEn());
        c.put("description", def.descriptionZh() + " " + def.descriptionEn());
        c.put("descriptionZh", def.descriptionZh());
        c.put("descriptionEn", def.descriptionEn());
        String url = links.collection(def.id());
        List<Link> l = new ArrayList<>();
        l.add(new Link(OgcLinks.f(url, "json"), "self", "application/json", def.titleEn() + " (JSON)"));
        l.add(new Link(OgcLinks.f(url, "html"), "alternate", "text/html", def.titleEn() + " (HTML)"));
        l.add(new Link(links.items(def.id()), "items", "application/geo+json", "Features (GeoJSON)"));
        l.add(new Link(OgcLinks.f(links.items(def.id()), "html"), "items", "text/html", "Features (HTML)"));
        l.add(new Link(url + "/queryables", "http://www.opengis.net/def/rel/ogc/1.0/queryables", "application/schema+json",
                "Queryables"));
        c.put("links", l);
        if (stats != null) {
            c.put("extent", Map.of("spatial", Map.of("bbox", List.of(stats.bbox()), "crs", Crs.CRS84.uri())));
        }
        c.put("itemType", "feature");
        c.put("crs", OgcCrs.URIS);
        c.put("storageCrs", Crs.CRS84.uri());
        c.put("count", stats == null ? 0 : stats.count());
        return c;
    }

    /** In the HTML page the HTML link is self and the JSON one the alternate. */
    private static List<Link> swapSelf(List<Link> links) {
        List<Link> out = new ArrayList<>();
        for (Link l : links) {
            if (l.rel().equals("self")) out.add(new Link(l.href(), "alternate", l.type(), l.title()));
            else if (l.rel().equals("alternate")) out.add(new Link(l.href(), "self", l.type(), l.title()));
            else out.add(l);
        }
        return out;
    }

    private static OgcCaching.Body html(String page) {
        return OgcCaching.Body.of(page, OgcMediaTypes.HTML);
    }
}
