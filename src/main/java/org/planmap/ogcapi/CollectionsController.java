package org.planmap.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.features.CollectionDef;
import org.planmap.features.FeatureRepository;
import org.planmap.geo.Crs;
import org.springframework.http.ResponseEntity;
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

    CollectionsController(OgcCollections registry, OgcCaching caching, JsonMapper json) {
        this.registry = registry;
        this.caching = caching;
        this.json = json;
    }

    @GetMapping({"/ogcapi/collections", "/ogcapi/collections/"})
    ResponseEntity<byte[]> collections(HttpServletRequest request) {
        OgcFormat format = ItemsQueryParser.format(request.getParameterMap(), request.getHeader("Accept"), OgcMediaTypes.PLAIN);
        String etag = caching.etag(request, "collections|" + format);
        ResponseEntity<byte[]> notModified = caching.revalidate(request, etag);
        if (notModified != null) return notModified;
        ResponseEntity<byte[]> hit = caching.cached(request, etag);
        if (hit != null) return hit;
        OgcLinks links = OgcLinks.of(request);
        Map<String, FeatureRepository.CollectionStats> stats = registry.stats();
        List<Map<String, Object>> list = new ArrayList<>();
        for (CollectionDef def : registry.all()) list.add(info(def, stats.get(def.id()), links));
        List<Link> self = OgcLinks.selfAndAlternate(links.url("/collections"), format, "application/json", "Collections");
        if (format == OgcFormat.HTML) {
            return html(request, HtmlPages.page("要素集合 Collections", self, HtmlPages.collections(list, links)), etag);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("links", self);
        body.put("collections", list);
        body.put("crs", OgcCrs.URIS);
        return caching.ok(request, json.writeValueAsBytes(body), OgcMediaTypes.JSON, etag);
    }

    @GetMapping({"/ogcapi/collections/{collectionId}", "/ogcapi/collections/{collectionId}/"})
    ResponseEntity<byte[]> collection(@PathVariable String collectionId, HttpServletRequest request) {
        CollectionDef def = find(collectionId);
        OgcFormat format = ItemsQueryParser.format(request.getParameterMap(), request.getHeader("Accept"), OgcMediaTypes.PLAIN);
        String etag = caching.etag(request, "collection|" + format);
        ResponseEntity<byte[]> notModified = caching.revalidate(request, etag);
        if (notModified != null) return notModified;
        ResponseEntity<byte[]> hit = caching.cached(request, etag);
        if (hit != null) return hit;
        OgcLinks links = OgcLinks.of(request);
        Map<String, Object> info = info(def, registry.stats().get(def.id()), links);
        if (format == OgcFormat.HTML) {
            @SuppressWarnings("unchecked")
            List<Link> all = (List<Link>) info.get("links");
            Map<String, Object> rows = new LinkedHashMap<>(info);
            rows.remove("links");
            return html(request, HtmlPages.page(def.titleZh() + " · " + def.titleEn(), swapSelf(all), HtmlPages.table(rows)), etag);
        }
        return caching.ok(request, json.writeValueAsBytes(info), OgcMediaTypes.JSON, etag);
    }

    @GetMapping("/ogcapi/collections/{collectionId}/queryables")
    ResponseEntity<byte[]> queryables(@PathVariable String collectionId, HttpServletRequest request) {
        CollectionDef def = find(collectionId);
        OgcFormat format = ItemsQueryParser.format(request.getParameterMap(), request.getHeader("Accept"), OgcMediaTypes.SCHEMA);
        String etag = caching.etag(request, "queryables|" + format);
        ResponseEntity<byte[]> notModified = caching.revalidate(request, etag);
        if (notModified != null) return notModified;
        ResponseEntity<byte[]> hit = caching.cached(request, etag);
        if (hit != null) return hit;
        OgcLinks links = OgcLinks.of(request);
        Map<String, Object> props = new LinkedHashMap<>();
        for (String q : def.queryables()) props.put(q, registry.queryableSchema(def, q));
        if (format == OgcFormat.HTML) {
            List<Link> all = OgcLinks.selfAndAlternate(links.collection(def.id()) + "/queryables", format,
                    OgcMediaTypes.SCHEMA_JSON.toString(), "Queryables");
            return html(request, HtmlPages.page("Queryables · " + def.titleEn(), all, HtmlPages.table(props)), etag);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        body.put("$id", links.collection(def.id()) + "/queryables");
        body.put("type", "object");
        body.put("title", def.titleZh() + " · " + def.titleEn());
        body.put("properties", props);
        body.put("additionalProperties", false);
        return caching.ok(request, json.writeValueAsBytes(body), OgcMediaTypes.SCHEMA_JSON, etag);
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

    private ResponseEntity<byte[]> html(HttpServletRequest request, String page, String etag) {
        return caching.ok(request, page.getBytes(StandardCharsets.UTF_8), OgcMediaTypes.HTML, etag);
    }
}
