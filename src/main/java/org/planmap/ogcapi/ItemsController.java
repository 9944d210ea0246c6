package org.planmap.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.Geometry;
import org.planmap.features.CollectionDef;
import org.planmap.features.FeatureJson;
import org.planmap.features.FeaturePage;
import org.planmap.features.StoredFeature;
import org.planmap.geo.Crs;
import org.planmap.geo.CrsTransform;
import org.planmap.geo.GeoJsonWriter;
import org.planmap.geodata.DataSnapshot;
import org.planmap.geodata.DataSnapshots;
import org.planmap.geodata.PlanRef;
import org.planmap.system.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
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

    /*
     * The two busiest answers take their path variables as the map Spring matched them into: a String parameter
     * goes through the data binder's type conversion, String to String, which was a twentieth of a single item's
     * time (bench/README.md, "OGC API speed under load"). The values are the same (decoded) either way.
     */
    @GetMapping({"/ogcapi/collections/{collectionId}/items", "/ogcapi/collections/{collectionId}/items/"})
    void items(@PathVariable Map<String, String> path, HttpServletRequest request, HttpServletResponse response) {
        String collectionId = path.get("collectionId");
        CollectionDef def = registry.find(collectionId);
        ItemsQuery q = parser.parseItems(def, request.getParameterMap(), request.getHeader("Accept"));
        caching.serve(request, response, "items|" + q.format() + "|" + q.offset() + "|" + q.selectionParameters(), contentCrs(q.crs()),
                data -> items(def, q, request, data));
    }

    private OgcCaching.Body items(CollectionDef def, ItemsQuery q, HttpServletRequest request, DataSnapshot data) {
        FeaturePage page = registry.find(q.toFeatureQuery(), data);
        OgcLinks links = OgcLinks.of(request);
        List<Link> all = pageLinks(q, page, links);
        if (q.format() == OgcFormat.HTML) {
            return OgcCaching.Body.of(pages.page(links, def.titleZh() + " · " + def.titleEn(), all,
                    HtmlPages.items(page.features(), def.id(), links, page.numberMatched(), q.offset())), OgcMediaTypes.HTML);
        }
        UnaryOperator<Geometry> transform = transform(q.crs());
        byte[] body = GeoJsonWriter.bytes(json, page.features().size() * 600 + 1024, gen -> {
            GeoJsonWriter.startCollection(gen);
            gen.writeNumberProperty("numberMatched", page.numberMatched());
            gen.writeNumberProperty("numberReturned", page.features().size());
            gen.writeStringProperty("timeStamp", data.changedAt().toString());
            gen.writeName("links");
            Link.writeArray(gen, all);
            gen.writeName("features");
            gen.writeStartArray();
            featureJson.writeFeatures(gen, page.features(), transform);
            gen.writeEndArray();
            gen.writeEndObject();
        });
        return new OgcCaching.Body(body, OgcMediaTypes.GEO_JSON);
    }

    /**
     * One feature. It is looked up in the current snapshot (in memory) before the caching prologue, so a missing
     * feature is a 404 whatever {@code If-None-Match} says.
     */
    @GetMapping({"/ogcapi/collections/{collectionId}/items/{featureId}", "/ogcapi/collections/{collectionId}/items/{featureId}/"})
    void item(@PathVariable Map<String, String> path, HttpServletRequest request, HttpServletResponse response) {
        String collectionId = path.get("collectionId");
        String featureId = path.get("featureId");
        CollectionDef def = registry.find(collectionId);
        ItemsQueryParser.FeatureRequest r = parser.parseFeature(request.getParameterMap(), request.getHeader("Accept"));
        DataSnapshot data = snapshots.current();
        StoredFeature f = registry.get(def, featureId, data).orElseThrow(() -> ApiException.notFound("Feature", featureId));
        caching.serve(request, response, data, "item|" + r.format() + "|" + r.crs().uri(), contentCrs(r.crs()),
                same -> item(def, f, r, request, same));
    }

    /** The feature as the snapshot holds it: the same data version as the ETag, without a database round trip. */
    private OgcCaching.Body item(CollectionDef def, StoredFeature f, ItemsQueryParser.FeatureRequest r, HttpServletRequest request,
                                 DataSnapshot data) {
        OgcLinks links = OgcLinks.of(request);
        String url = links.item(def.id(), f.id());
        Map<String, String> crsParam = r.crs() == Crs.CRS84 ? Map.of() : Map.of("crs", r.crs().uri());
        List<Link> all = new ArrayList<>();
        Link jsonLink = new Link(OgcLinks.withQuery(url, crsParam, "json"), "self", "application/geo+json", f.name() + " (GeoJSON)");
        Link html = new Link(OgcLinks.withQuery(url, crsParam, "html"), "self", "text/html", f.name() + " (HTML)");
        boolean isHtml = r.format() == OgcFormat.HTML;
        all.add(isHtml ? html : jsonLink);
        Link other = isHtml ? jsonLink : html;
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
        // one item also says what the plan says about it: section, title and the sentence (pages keep only the ids);
        // that array depends on the snapshot alone, so it is encoded once per feature and snapshot
        SerializedString references = data.get(PLAN_REFERENCES_JSON).computeIfAbsent(f.id(), id -> planReferences(data, id));
        byte[] body = GeoJsonWriter.bytes(json, 4096 + 3 * references.charLength(), gen -> { // room for the whole body
            featureJson.startFeature(gen, f, transform(r.crs()));
            gen.writeName("links");
            Link.writeArray(gen, all);
            gen.writeName("planReferences");
            gen.writeRawValue(references);
            gen.writeEndObject();
        });
        return new OgcCaching.Body(body, OgcMediaTypes.GEO_JSON);
    }

    /** Per snapshot: the encoded {@code planReferences} array of each feature asked for so far. */
    private static final DataSnapshot.View<Map<String, SerializedString>> PLAN_REFERENCES_JSON =
            DataSnapshot.View.of("ogc-plan-references-json", data -> new ConcurrentHashMap<>());

    private SerializedString planReferences(DataSnapshot data, String featureId) {
        byte[] encoded = GeoJsonWriter.bytes(json, 512, gen -> {
            gen.writeStartArray();
            for (PlanRef ref : data.references().forFeature(featureId)) {
                gen.writeStartObject();
                gen.writeStringProperty("sectionId", ref.nodeId());
                writeNonNull(gen, "title", ref.nodeTitle());
                writeNonNull(gen, "link", ref.kind());
                writeNonNull(gen, "paragraphId", ref.paragraphId());
                writeNonNull(gen, "sentence", ref.sentence());
                gen.writeEndObject();
            }
            gen.writeEndArray();
        });
        return new SerializedString(new String(encoded, StandardCharsets.UTF_8));
    }

    /** Leaves the member out when null, as the app's JSON does everywhere ({@code default-property-inclusion: non_null}). */
    private static void writeNonNull(JsonGenerator gen, String name, String value) {
        if (value != null) gen.writeStringProperty(name, value);
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
        return crs == Crs.CRS84 ? FeatureJson.AS_STORED : g -> CrsTransform.toAuthorityOrder(g, crs);
    }

    /** The {@code Content-Crs} header of each CRS, made once (read-only: every answer in that CRS shares it). */
    private static final Map<Crs, HttpHeaders> CONTENT_CRS = new ConcurrentHashMap<>();

    /** OGC API – Features Part 2: every features response names its CRS. */
    private static HttpHeaders contentCrs(Crs crs) {
        return CONTENT_CRS.computeIfAbsent(crs, c -> {
            HttpHeaders h = new HttpHeaders();
            h.set("Content-Crs", "<" + c.uri() + ">");
            return HttpHeaders.readOnlyHttpHeaders(h);
        });
    }
}
