package org.planmap.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OGC API – Features contract over HTTP: status, media type, links, counts, CRS, paging, caching.
 * Runs once per database ({@link OgcApiContractH2Tests}, {@link OgcApiContractPostgisTests}).
 */
abstract class OgcApiContractTests extends OgcApiTestBase {
    static final String ITEMS = "/ogcapi/collections/project-sites/items";
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";

    @Test
    void landingPageLinksTheApiDefinitionConformanceAndData() {
        for (String path : List.of("/ogcapi", "/ogcapi/")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(contentType(r)).startsWith("application/json");
            JsonNode links = json(r).get("links");
            assertThat(link(links, "service-desc").get("type").asString()).isEqualTo("application/vnd.oai.openapi+json;version=3.0");
            assertThat(link(links, "service-doc").get("type").asString()).isEqualTo("text/html");
            assertThat(link(links, "conformance").get("href").asString()).isEqualTo(base() + "/ogcapi/conformance");
            assertThat(link(links, "data").get("href").asString()).isEqualTo(base() + "/ogcapi/collections");
        }
    }

    @Test
    void conformanceDeclaresCoreGeoJsonHtmlOas30AndCrs() {
        HttpResponse<String> r = get("/ogcapi/conformance");
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> classes = new ArrayList<>();
        json(r).get("conformsTo").forEach(c -> classes.add(c.asString()));
        assertThat(classes).contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
                "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");
    }

    @Test
    void servedOpenApiDocumentIsValidAndNamesThisServer() {
        HttpResponse<String> r = get("/ogcapi/api");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(contentType(r)).startsWith("application/vnd.oai.openapi+json");
        JsonNode doc = json(r);
        assertThat(OpenApiChecks.problems(doc)).isEmpty();
        assertThat(doc.get("servers").get(0).get("url").asString()).isEqualTo(base());
        assertThat(doc.at("/components/parameters/limit/schema/maximum").asInt()).isEqualTo(MAX_LIMIT);
        assertThat(doc.at("/components/parameters/collectionId/schema/enum").size()).isEqualTo(10);
        HttpResponse<String> html = get("/ogcapi/api?f=html");
        assertThat(contentType(html)).startsWith("text/html");
        assertThat(html.body()).contains("/ogcapi/collections/{collectionId}/items", "/api/search");
    }

    @Test
    void everyRegistryCollectionIsACollectionWithExtentCrsAndLinks() {
        HttpResponse<String> r = get("/ogcapi/collections");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode collections = json(r).get("collections");
        assertThat(collections.size()).isEqualTo(10);
        long total = 0;
        for (JsonNode c : collections) {
            String id = c.get("id").asString();
            assertThat(c.get("itemType").asString()).isEqualTo("feature");
            assertThat(c.get("title").asString()).isNotBlank();
            assertThat(c.get("titleEn").asString()).isNotBlank();
            assertThat(c.get("storageCrs").asString()).isEqualTo(CRS84);
            List<String> crs = new ArrayList<>();
            c.get("crs").forEach(x -> crs.add(x.asString()));
            assertThat(crs).contains(CRS84, EPSG + "4326", EPSG + "4490", EPSG + "3857");
            JsonNode bbox = c.at("/extent/spatial/bbox/0");
            assertThat(bbox.size()).isEqualTo(4);
            assertThat(bbox.get(0).asDouble()).isBetween(106.0, 107.0);
            assertThat(link(c.get("links"), "self").get("href").asString()).startsWith(base() + "/ogcapi/collections/" + id);
            assertThat(typesOf(c.get("links"), "items")).containsExactlyInAnyOrder("application/geo+json", "text/html");
            total += c.get("count").asLong();
        }
        assertThat(total).isEqualTo(FIXTURE_FEATURES);
    }

    @Test
    void oneCollectionHasBothLanguages() {
        JsonNode c = json(get("/ogcapi/collections/project-sites"));
        assertThat(c.get("title").asString()).isEqualTo("专栏重点项目");
        assertThat(c.get("titleEn").asString()).isEqualTo("Column project sites");
        assertThat(c.get("description").asString()).contains("重点项目", "Key projects");
    }

    @Test
    void unknownCollectionAndFeatureAre404Problems() {
        for (String path : List.of("/ogcapi/collections/nope", "/ogcapi/collections/nope/items",
                "/ogcapi/collections/project-sites/items/nope", "/ogcapi/collections/zones/items/ps-ciqikou")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(contentType(r)).startsWith("application/problem+json");
            assertThat(json(r).get("detail").asString()).contains("does not exist");
        }
    }

    @Test
    void itemsWithoutLimitUseTheDefaultPageAndCountEverything() {
        HttpResponse<String> r = get(ITEMS);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(contentType(r)).startsWith("application/geo+json");
        assertThat(r.headers().firstValue("Content-Crs")).contains("<" + CRS84 + ">");
        JsonNode fc = json(r);
        assertThat(fc.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(fc.get("numberMatched").asInt()).isEqualTo(PROJECT_SITES);
        assertThat(fc.get("numberReturned").asInt()).isEqualTo(DEFAULT_LIMIT);
        assertThat(fc.get("features").size()).isEqualTo(DEFAULT_LIMIT);
        assertThat(fc.get("timeStamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(link(fc.get("links"), "next").get("href").asString()).contains("offset=4");
    }

    @Test
    void limitAboveTheMaximumIsClampedNotRefused() {
        JsonNode fc = json(get(ITEMS + "?limit=1000"));
        assertThat(fc.get("numberReturned").asInt()).isEqualTo(MAX_LIMIT);
        assertThat(link(fc.get("links"), "self").get("href").asString()).contains("limit=" + MAX_LIMIT);
        assertThat(link(fc.get("links"), "next").get("href").asString()).contains("limit=5", "offset=5");
    }

    @Test
    void nextLinksWalkEveryFeatureOnceAndPrevGoesBack() {
        Set<String> ids = new LinkedHashSet<>();
        String url = base() + ITEMS + "?limit=3";
        int pages = 0;
        while (url != null) {
            JsonNode fc = json(get(url.substring(base().length())));
            fc.get("features").forEach(f -> assertThat(ids.add(f.get("id").asString())).isTrue());
            JsonNode next = link(fc.get("links"), "next");
            if (pages == 1) assertThat(link(fc.get("links"), "prev").get("href").asString()).doesNotContain("offset=");
            url = next == null ? null : next.get("href").asString();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(PROJECT_SITES);
    }

    @Test
    void bboxSelectsIntersectingFeaturesInEachBboxCrsAxisOrder() {
        assertThat(ids(ITEMS + "?bbox=106.44,29.55,106.46,29.58")).containsExactly("ps-ciqikou", "ps-station");
        assertThat(ids(ITEMS + "?bbox=29.55,106.44,29.58,106.46&bbox-crs=" + EPSG + "4326")).containsExactly("ps-ciqikou", "ps-station");
        assertThat(ids(ITEMS + "?bbox=29.55,106.44,29.58,106.46&bbox-crs=EPSG:4490")).containsExactly("ps-ciqikou", "ps-station");
        // the same box in Web Mercator metres
        assertThat(ids(ITEMS + "?bbox=11848846.6,3445836.7,11851073.0,3449676.2&bbox-crs=" + EPSG + "3857"))
                .containsExactly("ps-ciqikou", "ps-station");
        JsonNode fc = json(get(ITEMS + "?bbox=106.44,29.55,106.46,29.58&limit=1"));
        assertThat(fc.get("numberMatched").asInt()).isEqualTo(2);
        assertThat(link(fc.get("links"), "next").get("href").asString()).contains("bbox=106.44,29.55,106.46,29.58");
    }

    @Test
    void crsParameterReprojectsInAuthorityAxisOrderAndSaysSoInContentCrs() {
        HttpResponse<String> r = get("/ogcapi/collections/project-sites/items/ps-ciqikou?crs=" + EPSG + "4326");
        assertThat(r.headers().firstValue("Content-Crs")).contains("<" + EPSG + "4326>");
        assertThat(coordinates(r)).containsExactly(29.579, 106.4487);
        r = get("/ogcapi/collections/project-sites/items/ps-ciqikou?crs=" + EPSG + "4490");
        assertThat(r.headers().firstValue("Content-Crs")).contains("<" + EPSG + "4490>");
        assertThat(coordinates(r)).containsExactly(29.579, 106.4487);
        r = get("/ogcapi/collections/project-sites/items/ps-ciqikou");
        assertThat(coordinates(r)).containsExactly(106.4487, 29.579);
        r = get("/ogcapi/collections/project-sites/items/ps-ciqikou?crs=" + EPSG + "3857");
        List<Double> xy = coordinates(r);
        assertThat(xy.get(0)).isCloseTo(106.4487 * 20037508.342789244 / 180, org.assertj.core.data.Offset.offset(0.01));
        assertThat(xy.get(1)).isBetween(3_440_000.0, 3_450_000.0);
        JsonNode fc = json(get(ITEMS + "?crs=" + EPSG + "4326&limit=1"));
        assertThat(fc.at("/features/0/geometry/coordinates/0").asDouble()).isEqualTo(29.579);
        assertThat(link(fc.get("links"), "next").get("href").asString()).contains("crs=");
    }

    @Test
    void propertyFiltersOnQueryables() {
        assertThat(ids(ITEMS + "?zone=zone-west")).containsExactly("ps-university-town", "ps-xiyong", "ps-road");
        assertThat(ids(ITEMS + "?column=5&limit=5")).containsExactly("ps-station", "ps-chongqing-west", "ps-road");
        assertThat(ids(ITEMS + "?columnGroup=%E4%BA%A4%E9%80%9A%E9%A1%B9%E7%9B%AE")).hasSize(3); // 交通项目
        assertThat(json(get(ITEMS + "?accuracy=approximate")).get("numberMatched").asInt()).isEqualTo(4);
        assertThat(ids("/ogcapi/collections/science-city/items?kind=axis")).containsExactly("sc-axis-1");
        JsonNode q = json(get("/ogcapi/collections/project-sites/queryables"));
        assertThat(q.get("properties").propertyNames()).containsExactlyInAnyOrder("accuracy", "zone", "column", "columnGroup");
    }

    @Test
    void singleFeatureHasSelfAlternateAndCollectionLinksAndChineseNames() {
        HttpResponse<String> r = get("/ogcapi/collections/project-sites/items/ps-ciqikou");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(contentType(r)).startsWith("application/geo+json");
        JsonNode f = json(r);
        assertThat(f.get("id").asString()).isEqualTo("ps-ciqikou");
        assertThat(f.at("/properties/name").asString()).isEqualTo("磁器口古镇");
        assertThat(link(f.get("links"), "self")).isNotNull();
        assertThat(link(f.get("links"), "alternate").get("type").asString()).isEqualTo("text/html");
        assertThat(link(f.get("links"), "collection").get("href").asString()).isEqualTo(base() + "/ogcapi/collections/project-sites");
    }

    @Test
    void contentNegotiationByFAndAccept() {
        assertThat(contentType(get(ITEMS, "Accept", "application/geo+json"))).startsWith("application/geo+json");
        assertThat(contentType(get(ITEMS, "Accept", "application/json"))).startsWith("application/geo+json");
        HttpResponse<String> html = get(ITEMS, "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertThat(contentType(html)).startsWith("text/html");
        assertThat(html.body()).contains("磁器口古镇", "<table>");
        assertThat(contentType(get("/ogcapi/collections?f=html"))).startsWith("text/html");
        assertThat(contentType(get("/ogcapi?f=html"))).startsWith("text/html");
        assertThat(contentType(get("/ogcapi/collections/project-sites/items/ps-ciqikou?f=html"))).startsWith("text/html");
        HttpResponse<String> xml = get(ITEMS, "Accept", "application/xml");
        assertThat(xml.statusCode()).isEqualTo(406);
        assertThat(contentType(xml)).startsWith("application/problem+json");
        assertThat(get(ITEMS + "?f=xml").statusCode()).isEqualTo(406);
    }

    @Test
    void etagRevalidatesTo304AndDependsOnTheRequest() {
        for (String path : List.of(ITEMS + "?limit=2", "/ogcapi/collections", "/ogcapi/collections/zones",
                "/ogcapi/collections/project-sites/items/ps-ciqikou")) {
            HttpResponse<String> first = get(path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).as(path).matches("\"[0-9a-f]{32}\"");
            HttpResponse<String> again = get(path, "If-None-Match", etag);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(get(path, "If-None-Match", "W/" + etag).statusCode()).isEqualTo(304);
            assertThat(get(path, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
            assertThat(get(path, "If-None-Match", etag).headers().firstValue("ETag")).contains(etag);
        }
        String a = get(ITEMS + "?limit=2").headers().firstValue("ETag").orElseThrow();
        String b = get(ITEMS + "?limit=3").headers().firstValue("ETag").orElseThrow();
        String c = get(ITEMS + "?limit=2&f=html").headers().firstValue("ETag").orElseThrow();
        assertThat(Set.of(a, b, c)).hasSize(3);
        assertThat(get(ITEMS + "?limit=2").body()).isEqualTo(get(ITEMS + "?limit=2").body());
    }

    @Test
    void geoJsonIsCompressedWhenTheClientAcceptsGzip() {
        HttpResponse<String> r = get(ITEMS + "?limit=5", "Accept-Encoding", "gzip");
        assertThat(r.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(r.headers().firstValue("ETag").orElseThrow()).endsWith("-gzip\"");
        assertThat(r.headers().firstValue("Vary").orElse("")).containsIgnoringCase("Accept-Encoding");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
    }

    static List<String> ids(JsonNode fc) {
        List<String> ids = new ArrayList<>();
        fc.get("features").forEach(f -> ids.add(f.get("id").asString()));
        return ids;
    }

    List<String> ids(String path) {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
        return ids(json(r));
    }

    static List<Double> coordinates(HttpResponse<String> r) {
        List<Double> out = new ArrayList<>();
        json(r).at("/geometry/coordinates").forEach(c -> out.add(c.asDouble()));
        return out;
    }

    static JsonNode link(JsonNode links, String rel) {
        for (JsonNode l : links) if (l.get("rel").asString().equals(rel)) return l;
        return null;
    }

    static List<String> typesOf(JsonNode links, String rel) {
        List<String> out = new ArrayList<>();
        for (JsonNode l : links) if (l.get("rel").asString().equals(rel)) out.add(l.get("type").asString());
        return out;
    }
}
