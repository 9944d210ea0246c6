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
 * Runs once per database ({@link OgcApiContractH2IntegrationTests}, {@link OgcApiContractPostgisIntegrationTests}).
 */
abstract class OgcApiContract extends OgcApiTestBase {
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
        assertThat(doc.get("servers").get(0).get("url").asString()).isEqualTo(base() + "/ogcapi");
        assertThat(doc.at("/components/parameters/bbox/schema/minItems").asInt()).isEqualTo(4);
        assertThat(doc.at("/components/parameters/bbox/schema/maxItems").asInt()).isEqualTo(6);
        assertThat(doc.at("/components/parameters/limit/schema/maximum").asInt()).isEqualTo(MAX_LIMIT);
        assertThat(doc.at("/components/parameters/collectionId/schema/enum").size()).isEqualTo(12);
        HttpResponse<String> html = get("/ogcapi/api?f=html");
        assertThat(contentType(html)).startsWith("text/html");
        assertThat(html.body()).contains("/ogcapi/collections/{collectionId}/items", "/api/search");
    }

    @Test
    void everyRegistryCollectionIsACollectionWithExtentCrsAndLinks() {
        HttpResponse<String> r = get("/ogcapi/collections");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode collections = json(r).get("collections");
        assertThat(collections.size()).as("the registry's ten, progress and comments").isEqualTo(12);
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
            // comments: published consultation comments, as many as the tests sharing this context have published
            if (!id.equals("comments")) assertThat(c.get("count").asLong()).as(id).isEqualTo(GeodataOracle.count(id));
        }
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
                "/ogcapi/collections/project-sites/items/nope", "/ogcapi/collections/zones/items/" + firstSite())) {
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
        assertThat(fc.get("numberMatched").asInt()).isEqualTo(GeodataOracle.features("project-sites").size());
        assertThat(fc.get("numberReturned").asInt()).isEqualTo(DEFAULT_LIMIT);
        assertThat(fc.get("features").size()).isEqualTo(DEFAULT_LIMIT);
        assertThat(fc.get("timeStamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(link(fc.get("links"), "next").get("href").asString()).contains("offset=" + DEFAULT_LIMIT);
    }

    @Test
    void limitAboveTheMaximumIsClampedNotRefused() {
        JsonNode fc = json(get(ITEMS + "?limit=1000"));
        assertThat(fc.get("numberReturned").asInt()).isEqualTo(MAX_LIMIT);
        assertThat(link(fc.get("links"), "self").get("href").asString()).contains("limit=" + MAX_LIMIT);
        assertThat(link(fc.get("links"), "next").get("href").asString()).contains("limit=" + MAX_LIMIT, "offset=" + MAX_LIMIT);
    }

    @Test
    void nextLinksWalkEveryFeatureOnceAndPrevGoesBack() {
        Set<String> ids = new LinkedHashSet<>();
        String url = base() + ITEMS + "?limit=" + MAX_LIMIT;
        int pages = 0;
        while (url != null) {
            JsonNode fc = json(get(url.substring(base().length())));
            fc.get("features").forEach(f -> assertThat(ids.add(f.get("id").asString())).isTrue());
            JsonNode next = link(fc.get("links"), "next");
            if (pages == 1) assertThat(link(fc.get("links"), "prev").get("href").asString()).doesNotContain("offset=");
            url = next == null ? null : next.get("href").asString();
            pages++;
        }
        List<String> expected = GeodataOracle.ids("project-sites", f -> true);
        assertThat(pages).isEqualTo((expected.size() + MAX_LIMIT - 1) / MAX_LIMIT);
        assertThat(new ArrayList<>(ids)).isEqualTo(expected);
    }

    /**
     * Around 磁器口 old town (WGS84). Edges off round numbers, so no feature merely touches the box and a
     * reprojected (EPSG:3857) copy selects the same features despite rounding.
     */
    static final org.locationtech.jts.geom.Envelope CIQIKOU = new org.locationtech.jts.geom.Envelope(106.4312, 106.4597, 29.5703, 29.5947);

    @Test
    void bboxSelectsIntersectingFeaturesInEachBboxCrsAxisOrder() {
        List<String> expected = GeodataOracle.ids("project-sites", GeodataOracle.intersects(CIQIKOU));
        assertThat(expected).isNotEmpty().hasSizeLessThan(MAX_LIMIT);
        String q = "?limit=" + MAX_LIMIT + "&bbox=";
        assertThat(ids(ITEMS + q + "106.4312,29.5703,106.4597,29.5947")).isEqualTo(expected);
        assertThat(ids(ITEMS + q + "29.5703,106.4312,29.5947,106.4597&bbox-crs=" + EPSG + "4326")).isEqualTo(expected);
        assertThat(ids(ITEMS + q + "29.5703,106.4312,29.5947,106.4597&bbox-crs=EPSG:4490")).isEqualTo(expected);
        double[] ll = mercator(106.4312, 29.5703);
        double[] ur = mercator(106.4597, 29.5947);
        assertThat(ids(ITEMS + q + ll[0] + "," + ll[1] + "," + ur[0] + "," + ur[1] + "&bbox-crs=" + EPSG + "3857"))
                .isEqualTo(expected);
        JsonNode fc = json(get(ITEMS + "?bbox=106.4312,29.5703,106.4597,29.5947&limit=1"));
        assertThat(fc.get("numberMatched").asInt()).isEqualTo(expected.size());
        if (expected.size() > 1) {
            assertThat(link(fc.get("links"), "next").get("href").asString()).contains("bbox=106.4312,29.5703,106.4597,29.5947");
        }
    }

    @Test
    void bboxOfSixNumbersIsA3dBoxWhoseHeightIsIgnored() {
        List<String> expected = GeodataOracle.ids("project-sites", GeodataOracle.intersects(CIQIKOU));
        String q = ITEMS + "?limit=" + MAX_LIMIT + "&bbox=";
        assertThat(ids(q + "106.4312,29.5703,-50,106.4597,29.5947,2000")).isEqualTo(expected);
        assertThat(ids(q + "29.5703,106.4312,0,29.5947,106.4597,0&bbox-crs=" + EPSG + "4326")).isEqualTo(expected);
        JsonNode fc = json(get(ITEMS + "?limit=1&bbox=106.4312,29.5703,-50,106.4597,29.5947,2000"));
        if (expected.size() > 1) {
            assertThat(link(fc.get("links"), "next").get("href").asString()).contains("bbox=106.4312,29.5703,-50,106.4597,29.5947,2000");
        }
    }

    @Test
    void bboxAcrossTheAntimeridianIsTwoBoxesNotAnError() {
        HttpResponse<String> r = get(ITEMS + "?bbox=177,65,-177,70");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("numberMatched").asInt()).isZero();
        assertThat(json(get(ITEMS + "?bbox=65,177,70,-177&bbox-crs=EPSG:4326")).get("numberMatched").asInt()).isZero();
        // from 磁器口's western edge eastwards round the world to 170°W: the part east of 106.4312°E holds features
        var east = new org.locationtech.jts.geom.Envelope(CIQIKOU.getMinX(), 180, CIQIKOU.getMinY(), CIQIKOU.getMaxY());
        List<String> expected = GeodataOracle.ids("project-sites", GeodataOracle.intersects(east));
        assertThat(expected).isNotEmpty();
        assertThat(ids(ITEMS + "?limit=" + MAX_LIMIT + "&bbox=" + CIQIKOU.getMinX() + "," + CIQIKOU.getMinY() + ",-170,"
                + CIQIKOU.getMaxY())).isEqualTo(expected.subList(0, Math.min(MAX_LIMIT, expected.size())));
    }

    /**
     * The CGCS2000 Gauss–Krüger CRSs are northing, easting in EPSG (unlike UTM and Web Mercator): a point in
     * Shapingba (29.6°N) lies about 3,270 km north of the equator and within 250 km of either central meridian.
     * Output and bbox-crs follow that order; OgcApiGdalContract checks the exact place with GDAL.
     */
    @Test
    void gaussKrugerCrsAreNorthingEastingInOutputAndBbox() {
        var point = GeodataOracle.firstPoint("project-sites");
        String item = "/ogcapi/collections/project-sites/items/" + point.id();
        for (int code : new int[] {4544, 4545}) {
            HttpResponse<String> r = get(item + "?crs=" + EPSG + code);
            assertThat(r.headers().firstValue("Content-Crs")).contains("<" + EPSG + code + ">");
            List<Double> ne = coordinates(r);
            assertThat(ne.get(0)).as("northing first").isBetween(3_200_000.0, 3_350_000.0);
            assertThat(ne.get(1)).as("easting second (false easting 500 km)").isBetween(250_000.0, 750_000.0);
            String box = (ne.get(0) - 20) + "," + (ne.get(1) - 20) + "," + (ne.get(0) + 20) + "," + (ne.get(1) + 20);
            assertThat(ids(ITEMS + "?limit=" + MAX_LIMIT + "&bbox-crs=EPSG:" + code + "&bbox=" + box)).contains(point.id());
            String swapped = (ne.get(1) - 20) + "," + (ne.get(0) - 20) + "," + (ne.get(1) + 20) + "," + (ne.get(0) + 20);
            HttpResponse<String> wrong = get(ITEMS + "?bbox-crs=EPSG:" + code + "&bbox=" + swapped);
            if (wrong.statusCode() == 200) assertThat(ids(json(wrong))).doesNotContain(point.id());
            else assertThat(wrong.statusCode()).isEqualTo(400);
        }
        List<Double> utm = coordinates(get(item + "?crs=" + EPSG + "32648"));
        assertThat(utm.get(0)).as("UTM stays easting first").isBetween(500_000.0, 800_000.0);
        assertThat(utm.get(1)).isBetween(3_200_000.0, 3_350_000.0);
    }

    /**
     * The OpenAPI servers URL is the API's own root, so joining it with each documented OGC path reaches that
     * resource, whether the landing page was given as …/ogcapi or …/ogcapi/; the app's /api paths carry their own
     * server, the app's root.
     */
    @Test
    void openApiServerJoinedWithEachDocumentedPathReachesTheResource() {
        for (String landing : List.of("/ogcapi", "/ogcapi/")) {
            String desc = link(json(get(landing)).get("links"), "service-desc").get("href").asString();
            JsonNode doc = json(get(desc.substring(base().length())));
            String server = doc.at("/servers/0/url").asString();
            assertThat(server).isEqualTo(base() + "/ogcapi");
            List<String> reached = new ArrayList<>();
            for (String path : doc.get("paths").propertyNames()) {
                JsonNode item = doc.get("paths").get(path);
                String root = item.has("servers") ? item.at("/servers/0/url").asString() : server;
                String url = root + path.replace("{collectionId}", "project-sites").replace("{featureId}", firstSite());
                if (url.contains("{") || !item.has("get")) continue;
                if (!item.has("servers")) {
                    HttpResponse<String> r = get(url.substring(base().length()));
                    assertThat(r.statusCode()).as(url).isEqualTo(200);
                    reached.add(path);
                }
            }
            assertThat(reached).contains("/", "/conformance", "/api", "/collections", "/collections/{collectionId}",
                    "/collections/{collectionId}/queryables", "/collections/{collectionId}/items",
                    "/collections/{collectionId}/items/{featureId}");
            JsonNode layers = doc.get("paths").get("/api/layers");
            assertThat(layers.at("/servers/0/url").asString()).isEqualTo(base());
            assertThat(get(layers.at("/servers/0/url").asString().substring(base().length()) + "/api/layers").statusCode())
                    .isEqualTo(200);
        }
    }

    /**
     * Behind a reverse proxy (here the test itself, on the loopback) the links and the OpenAPI server are the
     * URLs the client used, from X-Forwarded-* or RFC 7239 Forwarded; the ETag differs with them.
     */
    @Test
    void linksAndOpenApiServerFollowTheProxyHeaders() {
        String outside = "https://maps.example.org/planmap";
        HttpResponse<String> x = get("/ogcapi", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "maps.example.org",
                "X-Forwarded-Port", "443", "X-Forwarded-Prefix", "/planmap");
        assertThat(link(json(x).get("links"), "conformance").get("href").asString()).isEqualTo(outside + "/ogcapi/conformance");
        HttpResponse<String> api = get("/ogcapi/api", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "maps.example.org",
                "X-Forwarded-Prefix", "/planmap/");
        assertThat(json(api).at("/servers/0/url").asString()).isEqualTo(outside + "/ogcapi");
        assertThat(json(api).at("/paths/~1api~1layers/servers/0/url").asString()).isEqualTo(outside);
        HttpResponse<String> rfc = get(ITEMS + "?limit=1", "Forwarded", "for=192.0.2.60;proto=https;host=maps.example.org:8443");
        assertThat(link(json(rfc).get("links"), "next").get("href").asString())
                .startsWith("https://maps.example.org:8443" + contextPath() + "/ogcapi/collections/project-sites/items?");
        assertThat(rfc.headers().firstValue("ETag")).isNotEqualTo(get(ITEMS + "?limit=1").headers().firstValue("ETag"));
    }

    static double[] mercator(double lon, double lat) {
        double r = 6378137;
        return new double[] {r * Math.toRadians(lon), r * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2))};
    }

    @Test
    void crsParameterReprojectsInAuthorityAxisOrderAndSaysSoInContentCrs() {
        var point = GeodataOracle.firstPoint("project-sites");
        double lon = point.geometry().getCoordinate().x;
        double lat = point.geometry().getCoordinate().y;
        String item = "/ogcapi/collections/project-sites/items/" + point.id();
        HttpResponse<String> r = get(item + "?crs=" + EPSG + "4326");
        assertThat(r.headers().firstValue("Content-Crs")).contains("<" + EPSG + "4326>");
        assertThat(coordinates(r)).containsExactly(lat, lon);
        r = get(item + "?crs=" + EPSG + "4490");
        assertThat(r.headers().firstValue("Content-Crs")).contains("<" + EPSG + "4490>");
        assertThat(coordinates(r)).containsExactly(lat, lon);
        r = get(item);
        assertThat(r.headers().firstValue("Content-Crs")).contains("<" + CRS84 + ">");
        assertThat(coordinates(r)).containsExactly(lon, lat);
        r = get(item + "?crs=" + EPSG + "3857");
        List<Double> xy = coordinates(r);
        assertThat(xy.get(0)).isCloseTo(mercator(lon, lat)[0], org.assertj.core.data.Offset.offset(0.01));
        assertThat(xy.get(1)).isCloseTo(mercator(lon, lat)[1], org.assertj.core.data.Offset.offset(0.01));
        JsonNode fc = json(get(ITEMS + "?crs=" + EPSG + "4326&limit=1"));
        var first = GeodataOracle.features("project-sites").get(0).geometry().getCoordinate();
        assertThat(fc.at("/features/0/geometry").toString()).contains(String.valueOf(first.y));
        assertThat(link(fc.get("links"), "next").get("href").asString()).contains("crs=");
    }

    @Test
    void propertyFiltersOnQueryables() {
        String all = ITEMS + "?limit=" + MAX_LIMIT + "&";
        assertThat(matched(all + "zone=zone-west")).isEqualTo(GeodataOracle.ids("project-sites", GeodataOracle.property("zone", "zone-west")).size());
        assertThat(ids(all + "column=5")).isEqualTo(GeodataOracle.ids("project-sites", GeodataOracle.property("column", 5)));
        String group = (String) GeodataOracle.props("project-sites", firstSite()).get("columnGroup");
        assertThat(ids(all + "columnGroup=" + java.net.URLEncoder.encode(group, java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo(GeodataOracle.ids("project-sites", GeodataOracle.property("columnGroup", group)));
        assertThat(matched(all + "accuracy=approximate"))
                .isEqualTo(GeodataOracle.ids("project-sites", GeodataOracle.property("accuracy", "approximate")).size());
        assertThat(ids("/ogcapi/collections/science-city/items?kind=axis"))
                .isEqualTo(GeodataOracle.ids("science-city", GeodataOracle.property("kind", "axis"))).isNotEmpty();
        assertThat(matched(all + "zone=zone-west&column=5")).isEqualTo(GeodataOracle.ids("project-sites",
                GeodataOracle.property("zone", "zone-west").and(GeodataOracle.property("column", 5))).size());
        JsonNode q = json(get("/ogcapi/collections/project-sites/queryables"));
        assertThat(q.get("properties").propertyNames()).containsExactlyInAnyOrder("accuracy", "zone", "column", "columnGroup");
    }

    int matched(String path) {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
        return json(r).get("numberMatched").asInt();
    }

    static String firstSite() {
        return GeodataOracle.features("project-sites").get(0).id();
    }

    @Test
    void singleFeatureHasSelfAlternateAndCollectionLinksAndChineseNames() {
        HttpResponse<String> r = get("/ogcapi/collections/project-sites/items/" + firstSite());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(contentType(r)).startsWith("application/geo+json");
        JsonNode f = json(r);
        assertThat(f.get("id").asString()).isEqualTo(firstSite());
        assertThat(f.at("/properties/name").asString()).isEqualTo(GeodataOracle.props("project-sites", firstSite()).get("name"))
                .matches(".*\\p{IsHan}.*");
        assertThat(link(f.get("links"), "self")).isNotNull();
        assertThat(link(f.get("links"), "alternate").get("type").asString()).isEqualTo("text/html");
        assertThat(link(f.get("links"), "collection").get("href").asString()).isEqualTo(base() + "/ogcapi/collections/project-sites");
    }

    @Test
    void aZoneItemCarriesWhatThePlanSaysAboutIt() {
        JsonNode zone = json(get("/ogcapi/collections/zones/items/zone-west"));
        List<String> sentences = new ArrayList<>();
        zone.get("planReferences").forEach(ref -> {
            if ("p6-c16-s2".equals(ref.get("sectionId").asString())) sentences.add(ref.get("sentence").asString());
            assertThat(ref.get("title").asString()).isNotBlank();
        });
        assertThat(sentences).anySatisfy(t -> assertThat(t).contains("西部现代新城"));
    }

    @Test
    void contentNegotiationByFAndAccept() {
        assertThat(contentType(get(ITEMS, "Accept", "application/geo+json"))).startsWith("application/geo+json");
        assertThat(contentType(get(ITEMS, "Accept", "application/json"))).startsWith("application/geo+json");
        HttpResponse<String> html = get(ITEMS, "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertThat(contentType(html)).startsWith("text/html");
        assertThat(html.body()).contains((String) GeodataOracle.props("project-sites", firstSite()).get("name"), "<table>");
        assertThat(contentType(get("/ogcapi/collections?f=html"))).startsWith("text/html");
        assertThat(contentType(get("/ogcapi?f=html"))).startsWith("text/html");
        assertThat(contentType(get("/ogcapi/collections/project-sites/items/" + firstSite() + "?f=html"))).startsWith("text/html");
        HttpResponse<String> xml = get(ITEMS, "Accept", "application/xml");
        assertThat(xml.statusCode()).isEqualTo(406);
        assertThat(contentType(xml)).startsWith("application/problem+json");
        assertThat(get(ITEMS + "?f=xml").statusCode()).isEqualTo(406);
    }

    @Test
    void etagRevalidatesTo304AndDependsOnTheRequest() {
        for (String path : List.of(ITEMS + "?limit=2", "/ogcapi/collections", "/ogcapi/collections/zones",
                "/ogcapi/collections/project-sites/items/" + firstSite())) {
            HttpResponse<String> first = get(path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            // weak: the server's compression sends the same content gzip-encoded under the same tag
            assertThat(etag).as(path).matches("W/\"[0-9a-f]{32}\"");
            HttpResponse<String> again = get(path, "If-None-Match", etag);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(get(path, "If-None-Match", etag.substring(2)).statusCode()).isEqualTo(304);
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
    void ifNoneMatchStarOnAMissingResourceIsA404NotA304() {
        for (String path : List.of("/ogcapi/collections/project-sites/items/no-such-site", "/ogcapi/collections/nope",
                "/ogcapi/collections/nope/items", "/ogcapi/collections/zones/items/" + firstSite())) {
            HttpResponse<String> r = get(path, "If-None-Match", "*");
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(contentType(r)).startsWith("application/problem+json");
        }
        HttpResponse<String> existing = get("/ogcapi/collections/project-sites/items/" + firstSite(), "If-None-Match", "*");
        assertThat(existing.statusCode()).isIn(200, 304);
    }

    @Test
    void theGzipVariantsTagRevalidatesToo() {
        HttpResponse<String> gz = get(ITEMS + "?limit=5", "Accept-Encoding", "gzip");
        String tag = gz.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = get(ITEMS + "?limit=5", "Accept-Encoding", "gzip", "If-None-Match", tag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.headers().firstValue("ETag")).contains(tag);
        assertThat(again.headers().firstValue("Cache-Control").orElse("")).contains("max-age");
        assertThat(again.headers().firstValue("Content-Crs")).contains("<" + CRS84 + ">");
    }

    @Test
    void otherMethodsAre405WithAnAllowHeader() throws Exception {
        for (String path : List.of("/ogcapi", "/ogcapi/conformance", "/ogcapi/collections", "/ogcapi/collections/zones",
                ITEMS, "/ogcapi/collections/project-sites/items/" + firstSite())) {
            for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
                var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + path))
                        .method(method, java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                        .header("Content-Type", "application/json").build();
                HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(method + " " + path).isEqualTo(405);
                assertThat(contentType(r)).startsWith("application/problem+json");
                String allow = r.headers().firstValue("Allow").orElse("");
                assertThat(allow).as(method + " " + path).contains("GET").doesNotContain(method);
            }
        }
    }

    @Test
    void geoJsonIsCompressedWhenTheClientAcceptsGzip() {
        HttpResponse<String> r = get(ITEMS + "?limit=5", "Accept-Encoding", "gzip");
        HttpResponse<String> plain = get(ITEMS + "?limit=5");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(r.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(r.headers().firstValue("ETag")).isEqualTo(plain.headers().firstValue("ETag"));
        assertThat(r.headers().firstValue("Vary").orElse("")).containsIgnoringCase("Accept-Encoding");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
    }

    static final String PROGRESS = "/ogcapi/collections/progress/items";

    @Test
    void progressHasEveryCatalogueItemOnceWithNoGeometryWhereUnmapped() {
        List<String> ids = new ArrayList<>();
        String url = PROGRESS + "?limit=" + MAX_LIMIT;
        int unmapped = 0;
        while (url != null) {
            HttpResponse<String> r = get(url);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(contentType(r)).startsWith("application/geo+json");
            JsonNode fc = json(r);
            for (JsonNode f : fc.get("features")) {
                ids.add(f.get("id").asString());
                assertThat(f.at("/properties/status").asString()).isNotBlank();
                boolean mapped = f.at("/properties/mapped").asBoolean();
                assertThat(f.get("geometry").isNull()).as(f.get("id").asString()).isEqualTo(!mapped);
                if (!mapped) unmapped++;
            }
            JsonNode next = link(fc.get("links"), "next");
            url = next == null ? null : next.get("href").asString().substring(base().length());
        }
        assertThat(ids).isEqualTo(GeodataOracle.catalogueIds());
        assertThat(unmapped).isPositive();
    }

    @Test
    void progressStatusIsAQueryableAndABboxLeavesOutUnmappedItems() {
        HttpResponse<String> q = get("/ogcapi/collections/progress/queryables");
        assertThat(q.statusCode()).isEqualTo(200);
        List<String> statuses = new ArrayList<>();
        json(q).at("/properties/status/enum").forEach(s -> statuses.add(s.asString()));
        assertThat(statuses).contains("not-recorded", "not-started", "under-construction", "completed");
        int sum = 0;
        for (String s : statuses) {
            JsonNode fc = json(get(PROGRESS + "?limit=1&status=" + s));
            sum += fc.get("numberMatched").asInt();
            fc.get("features").forEach(f -> assertThat(f.at("/properties/status").asString()).isEqualTo(s));
        }
        assertThat(sum).as("every item has exactly one status").isEqualTo(GeodataOracle.catalogueIds().size());
        HttpResponse<String> bad = get(PROGRESS + "?status=half-done");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(contentType(bad)).startsWith("application/problem+json");

        List<String> inBox = GeodataOracle.features("project-sites").stream().filter(GeodataOracle.intersects(CIQIKOU))
                .map(f -> String.valueOf(f.properties().get("catalogueId"))).sorted().toList();
        List<String> got = new ArrayList<>(ids(PROGRESS + "?limit=" + MAX_LIMIT + "&bbox=106.4312,29.5703,106.4597,29.5947"));
        java.util.Collections.sort(got);
        assertThat(got).isNotEmpty().isEqualTo(inBox);
        assertThat(ids(PROGRESS + "?limit=" + MAX_LIMIT + "&column=8"))
                .isEqualTo(GeodataOracle.catalogueIds().stream().filter(id -> id.startsWith("col-8-")).toList());
        assertThat(ids(PROGRESS + "?limit=" + MAX_LIMIT + "&column=08")).as("a column number as on the other collections")
                .isEqualTo(ids(PROGRESS + "?limit=" + MAX_LIMIT + "&column=8"));
    }

    @Test
    void aProgressItemHasLinksAnHtmlPageAndRevalidates() {
        String unmapped = null;
        for (JsonNode f : json(get(PROGRESS + "?limit=" + MAX_LIMIT + "&column=2")).get("features")) {
            if (f.get("geometry").isNull()) unmapped = f.get("id").asString();
        }
        for (String id : List.of("col-1-item-1", unmapped == null ? "col-1-item-2" : unmapped)) {
            String path = PROGRESS + "/" + id;
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            JsonNode f = json(r);
            assertThat(f.get("id").asString()).isEqualTo(id);
            assertThat(link(f.get("links"), "collection").get("href").asString()).endsWith("/ogcapi/collections/progress");
            assertThat(f.at("/properties/statusZh").asString()).isNotBlank();
            HttpResponse<String> html = get(path + "?f=html");
            assertThat(html.statusCode()).isEqualTo(200);
            assertThat(html.body()).contains(id);
            String etag = r.headers().firstValue("ETag").orElseThrow();
            assertThat(get(path, "If-None-Match", etag).statusCode()).isEqualTo(304);
        }
        assertThat(get(PROGRESS + "/site-col-1-item-1").statusCode()).isEqualTo(404);
        assertThat(get(PROGRESS + "?f=html").statusCode()).isEqualTo(200);
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
