package org.planmap.geodata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Coordinate;
import org.planmap.features.CollectionRegistry;
import org.planmap.features.FeaturePage;
import org.planmap.features.FeatureQuery;
import org.planmap.features.FeatureRepository;
import org.planmap.features.FeatureSelection;
import org.planmap.features.StoredFeature;
import org.planmap.support.Http;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The store and the map's JSON API, as users of either rely on them. Runs unchanged on H2GIS and PostGIS
 * (the two subclasses); nothing here depends on which database answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class StoreContract {
    /** 磁器口 old town and its station (OSM, WGS84). */
    static final Envelope CIQIKOU = new Envelope(106.430, 106.460, 29.570, 29.595);

    @LocalServerPort int port;
    @Autowired FeatureRepository features;
    @Autowired CollectionRegistry registry;
    @Autowired GeodataLoader loader;
    @Autowired DataSnapshots snapshots;
    @Autowired CatalogueRepository catalogue;
    @Autowired PlanSourceRepository planSources;
    @Autowired DataVersionRepository versions;
    @Autowired PlatformTransactionManager transactions;
    @Autowired ApplicationEventPublisher events;
    @Autowired JdbcTemplate jdbc;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void layersListEveryCollectionWithTheCountTheStoreHolds() {
        JsonNode layers = http.json("/api/layers");
        assertThat(layers.size()).isEqualTo(registry.all().size());
        for (JsonNode layer : layers) {
            long stored = features.all(layer.get("id").asString()).size();
            assertThat(layer.get("count").asLong()).as(layer.get("id").asString()).isEqualTo(stored).isPositive();
            assertThat(layer.get("title").get("zh").asString()).isNotBlank();
            assertThat(layer.get("title").get("en").asString()).isNotBlank();
        }
    }

    @Test
    void aLayerIsGeoJsonWithTheFourZonesOfChapter16() {
        HttpResponse<String> r = http.get("/api/layers/zones");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
        JsonNode fc = Http.parse(r.body());
        List<String> ids = new ArrayList<>();
        fc.get("features").forEach(f -> ids.add(f.get("id").asString()));
        assertThat(ids).containsExactlyInAnyOrder("zone-east", "zone-barrier-zhongliang", "zone-barrier-jinyun", "zone-west");
        fc.get("features").forEach(f -> assertThat(f.get("properties").get("accuracy").asString()).isEqualTo("schematic"));
    }

    @Test
    void aLayerRevalidatesTo304UntilTheDataChanges() {
        HttpResponse<String> first = http.get("/api/layers/zones");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("W/\"").contains(snapshots.current().tag());
        assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("no-cache");
        HttpResponse<String> again = http.get("/api/layers/zones", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(http.get("/api/layers/zones", "If-None-Match", "W/\"layer-zones-0-0\"").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/layers/district").headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        assertThat(http.get("/api/layers/nope", "If-None-Match", "*").statusCode()).isEqualTo(404);
        assertThat(http.get("/api/layers/zones").body()).isEqualTo(first.body());
    }

    /**
     * Pages and bbox queries are answered from the snapshot ({@link FeatureSelection}); the database, asked in SQL,
     * is the oracle: the same features in the same order.
     */
    @Test
    void bboxQueryReturnsExactlyTheSitesTheDatabaseFindsIntersectingIt() {
        FeaturePage page = select(new FeatureQuery("project-sites", CIQIKOU, Map.of(), 1000, 0));
        List<String> expected = jdbc.queryForList("SELECT id FROM feature WHERE collection = 'project-sites' "
                + "AND ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4326)) ORDER BY seq", String.class,
                CIQIKOU.getMinX(), CIQIKOU.getMinY(), CIQIKOU.getMaxX(), CIQIKOU.getMaxY());
        assertThat(ids(page)).isNotEmpty().isEqualTo(expected);
        assertThat(page.numberMatched()).isEqualTo(expected.size()).isLessThan(features.all("project-sites").size());
    }

    @Test
    void filtersKeepWhatTheDatabaseHoldsForThatZoneOrColumn() {
        FeaturePage zone = select(new FeatureQuery("project-sites", List.<Envelope>of(), Map.of("zone", "zone-east"), 1000, 0));
        assertThat(ids(zone)).isNotEmpty().isEqualTo(jdbc.queryForList(
                "SELECT id FROM feature WHERE collection = 'project-sites' AND zone = 'zone-east' ORDER BY seq", String.class));
        FeaturePage column = select(new FeatureQuery("project-sites", List.<Envelope>of(), Map.of("column", "07"), 1000, 0));
        assertThat(ids(column)).isNotEmpty().isEqualTo(jdbc.queryForList(
                "SELECT id FROM feature WHERE collection = 'project-sites' AND column_no = 7 ORDER BY seq", String.class));
    }

    @Test
    void pagesFollowEachOtherInStoredOrder() {
        List<String> stored = jdbc.queryForList("SELECT id FROM feature WHERE collection = 'project-sites' ORDER BY seq", String.class);
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 10; offset += 5) {
            paged.addAll(ids(select(new FeatureQuery("project-sites", List.<Envelope>of(), Map.of(), 5, offset))));
        }
        assertThat(paged).isEqualTo(stored.subList(0, 10));
        FeaturePage pastTheEnd = select(new FeatureQuery("project-sites", List.<Envelope>of(), Map.of(), 5, stored.size() + 3));
        assertThat(pastTheEnd.features()).isEmpty();
        assertThat(pastTheEnd.numberMatched()).isEqualTo(stored.size());
    }

    private FeaturePage select(FeatureQuery query) {
        return FeatureSelection.page(snapshots.current().features(query.collection()), query);
    }

    private static List<String> ids(FeaturePage page) {
        return page.features().stream().map(StoredFeature::id).toList();
    }

    @Test
    void aPointAtCiqikouLiesInTheEastZoneAndTheShaciShowcaseArea() {
        var point = new GeometryFactory().createPoint(new Coordinate(106.4424, 29.5794));
        List<String> names = features.intersecting(point, List.of("zones", "showcase-areas")).stream().map(StoredFeature::name).toList();
        assertThat(names).contains("东部人文母城", "沙磁文化旅游展示区");
    }

    @Test
    void loadingUnchangedFilesAgainWritesNothing() {
        assertThat(loader.load().reloaded()).isEmpty();
    }

    @Test
    void aZoneKnowsWhatThePlanSaysAboutIt() {
        JsonNode zone = http.json("/api/features/zone-east");
        assertThat(zone.get("collection").asString()).isEqualTo("zones");
        List<JsonNode> refs = new ArrayList<>();
        zone.get("planRefs").forEach(refs::add);
        assertThat(refs).anySatisfy(r -> {
            assertThat(r.get("nodeId").asString()).isEqualTo("p6-c16-s1");
            assertThat(r.get("sentence").asString()).contains("东部人文母城");
        });
        assertThat(zone.get("related").size()).isPositive();
    }

    @Test
    void aSectionListsItsParagraphsWithPlaceLinksAndItsFeatures() {
        JsonNode section = http.json("/api/plan/p6-c17-s2");
        assertThat(section.get("title").asString()).isEqualTo("沙磁文化旅游展示区");
        int links = 0;
        for (JsonNode p : section.get("paragraphs")) {
            for (JsonNode m : p.get("mentions")) {
                String text = p.get("text").asString();
                assertThat(text.substring(m.get("start").asInt(), m.get("end").asInt())).isEqualTo(m.get("name").asString());
                links++;
            }
        }
        assertThat(links).isPositive();
        List<String> featureNames = new ArrayList<>();
        section.get("features").forEach(f -> featureNames.add(f.get("name").asString()));
        assertThat(featureNames).contains("沙磁文化旅游展示区");
    }

    @Test
    void aSectionCitesTheIndicatorsAndTargetsItsTextNames() {
        JsonNode barrier = http.json("/api/plan/p6-c19-s1");
        List<String> targets = new ArrayList<>();
        barrier.get("targets").forEach(t -> targets.add(t.toString()));
        assertThat(targets).anySatisfy(t -> assertThat(t).contains("500"));
        JsonNode chapter = http.json("/api/plan/p1-c3");
        List<String> names = new ArrayList<>();
        chapter.get("indicators").forEach(i -> names.add(i.get("name").asString()));
        assertThat(names).anySatisfy(n -> assertThat(n).contains("森林覆盖率"));
    }

    @Test
    void tableOfContentsHasElevenParts() {
        JsonNode toc = http.json("/api/plan").get("toc");
        assertThat(toc.size()).isEqualTo(11);
        assertThat(toc.get(5).get("id").asString()).isEqualTo("p6");
        assertThat(toc.get(5).get("titleEn").asString()).isNotBlank();
    }

    /**
     * The first search of a freshly started app finds a chapter by its title: the search corpus is built from the
     * snapshot the loader published, not from whatever a listener had seen when the load event reached it. (Run
     * alone, on a new context, this failed before the snapshot: {@code -Dit.test=StoreH2IntegrationTests#aChapterTitle*}.)
     */
    @Test
    void aChapterTitleIsFoundByTheFirstSearch() {
        JsonNode results = http.json("/api/search?q=" + enc("发展环境")).get("results");
        List<String> sections = new ArrayList<>();
        results.forEach(r -> {
            if (r.get("kind").asString().equals("section")) sections.add(r.get("id").asString());
        });
        assertThat(sections).contains("p1-c1");
    }

    /**
     * Two app instances on one database: a write through one is in the other's snapshot within 5 s, by its poll of
     * {@code data_version} (the second instance here is a second holder over the same database, polling every
     * 200 ms). The writer reads its own write at once.
     */
    @Test
    void anotherInstanceSeesAWriteWithinFiveSeconds() {
        DataSnapshots other = new DataSnapshots(registry, features, catalogue, planSources, versions, transactions, events,
                new DataProperties(Duration.ofMillis(200)));
        other.refresh();
        other.start();
        String before = snapshots.current().feature("zone-east").orElseThrow().name();
        try {
            DataSnapshot written = snapshots.write(() -> {
                jdbc.update("UPDATE feature SET name = ? WHERE id = ?", "东部人文母城（改）", "zone-east");
                return snapshots.peek().orElseThrow();
            });
            assertThat(snapshots.current().version()).isGreaterThan(written.version());
            assertThat(snapshots.current().feature("zone-east").orElseThrow().name()).isEqualTo("东部人文母城（改）");
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                    assertThat(other.current().feature("zone-east").orElseThrow().name()).isEqualTo("东部人文母城（改）"));
            assertThat(other.current().version()).isEqualTo(snapshots.current().version());
        } finally {
            other.stop();
            snapshots.write(() -> jdbc.update("UPDATE feature SET name = ? WHERE id = ?", before, "zone-east"));
        }
        assertThat(snapshots.current().feature("zone-east").orElseThrow().name()).isEqualTo(before);
    }

    @Test
    void searchRanksAnExactPlaceNameFirst() {
        JsonNode results = http.json("/api/search?q=%E7%A3%81%E5%99%A8%E5%8F%A3").get("results");
        assertThat(results.get(0).get("kind").asString()).isEqualTo("feature");
        assertThat(results.get(0).get("title").asString()).contains("磁器口");
        List<String> kinds = new ArrayList<>();
        results.forEach(r -> kinds.add(r.get("kind").asString()));
        assertThat(kinds).contains("text");
    }

    @Test
    void chineseSubstringsOfAnyLengthMatchNamesTextAndIndicators() {
        JsonNode science = http.json("/api/search?q=" + enc("科学城")).get("results");
        assertThat(kinds(science)).contains("feature", "section", "text");
        JsonNode logistics = http.json("/api/search?q=" + enc("物流")).get("results");
        assertThat(logistics.get(0).get("title").asString()).contains("物流");
        JsonNode forest = http.json("/api/search?q=" + enc("森林覆盖率")).get("results");
        JsonNode indicator = null;
        for (JsonNode r : forest) if (r.get("kind").asString().equals("indicator") && indicator == null) indicator = r;
        assertThat(indicator).isNotNull();
        assertThat(indicator.get("values").get("unit").asString()).isEqualTo("%");
        assertThat(indicator.get("values").get("target").asString()).isNotBlank();
        JsonNode snippet = science.get(0);
        int[] span = {snippet.get("highlights").get(0).get(0).asInt(), snippet.get("highlights").get(0).get(1).asInt()};
        assertThat(snippet.get("snippet").asString().substring(span[0], span[1])).isEqualTo("科学城");
    }

    @Test
    void englishMatchesFeatureNamesAndTranslatedTitles() {
        JsonNode results = http.json("/api/search?q=" + enc("showcase")).get("results");
        assertThat(results.size()).isPositive();
        List<String> titles = new ArrayList<>();
        results.forEach(r -> titles.add(r.path("titleEn").asString("")));
        assertThat(titles).anySatisfy(t -> assertThat(t.toLowerCase()).contains("showcase"));
        assertThat(http.json("/api/search?q=" + enc("zzqqxx")).get("results").size()).isZero();
    }

    @Test
    void emptyOrOverLongSearchIsABadRequestNamingQ() {
        for (String q : List.of("", "%20%20", enc("磁".repeat(101)))) {
            HttpResponse<String> r = http.get("/api/search?q=" + q);
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(Http.parse(r.body()).get("parameter").asString()).isEqualTo("q");
        }
        assertThat(http.get("/api/search").statusCode()).isEqualTo(400);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> kinds(JsonNode results) {
        List<String> kinds = new ArrayList<>();
        results.forEach(r -> kinds.add(r.get("kind").asString()));
        return kinds;
    }

    @Test
    void catalogueCoversEveryColumnItem() {
        JsonNode cat = http.json("/api/catalogue");
        assertThat(cat.get("total").asInt()).isEqualTo(393);
        assertThat(cat.get("mapped").asInt()).isGreaterThanOrEqualTo(100);
        assertThat(http.json("/api/catalogue?column=12").get("total").asInt()).isEqualTo(56);
        assertThat(http.get("/api/catalogue?column=99").statusCode()).isEqualTo(400);
    }

    @Test
    void everyCatalogueItemHasAnEnglishNameMarkedAsOursAndTheReasonForItsDecision() {
        JsonNode items = http.json("/api/catalogue").get("items");
        assertThat(items.size()).isEqualTo(393);
        for (JsonNode i : items) {
            assertThat(i.path("nameEn").asString()).as(i.get("id").asString()).isNotBlank().doesNotContainPattern("\\p{IsHan}{3}");
            assertThat(i.path("nameEnSource").asString()).as(i.get("id").asString()).isEqualTo("planmap translation");
            assertThat(i.path("decision").asString()).as(i.get("id").asString()).startsWith(i.get("status").asString());
        }
        JsonNode tunnel = http.json("/api/catalogue?column=12").get("items").get(28);
        assertThat(tunnel.get("name").asString()).isEqualTo("大学城复线隧道");
        assertThat(tunnel.get("status").asString()).isEqualTo("mapped");
        assertThat(tunnel.get("featureId").asString()).isEqualTo("site-col-12-item-29");
    }

    @Test
    void indicatorsAndUnmappedItemsAreFoundByTheirEnglishNames() {
        JsonNode forest = http.json("/api/search?q=" + enc("forest cover")).get("results");
        List<String> indicators = new ArrayList<>();
        forest.forEach(r -> {
            if (r.get("kind").asString().equals("indicator")) indicators.add(r.get("id").asString() + " " + r.get("titleEn").asString());
        });
        assertThat(indicators).contains("table-1-row-19 Forest cover", "table-2-row-18 Forest cover");
        JsonNode proton = http.json("/api/search?q=" + enc("proton therapy")).get("results");
        assertThat(proton.get(0).get("kind").asString()).isEqualTo("item");
        assertThat(proton.get(0).get("id").asString()).isEqualTo("col-3-item-24");
        // English matches word by word (docs/search.md), so each query word of the English name is marked
        JsonNode first = proton.get(0);
        List<String> marked = new ArrayList<>();
        first.get("highlights").forEach(h -> marked.add(first.get("snippet").asString().substring(h.get(0).asInt(), h.get(1).asInt()).toLowerCase()));
        assertThat(marked).containsExactly("proton", "therapy");
    }

    @Test
    void everyIndicatorHasItsEnglishName() {
        int rows = 0;
        for (JsonNode table : http.json("/api/indicators").get("tables")) {
            for (JsonNode row : table.get("rows")) {
                rows++;
                assertThat(row.path("nameEn").asString()).as(row.get("id").asString()).isNotBlank().doesNotContainPattern("\\p{IsHan}");
                assertThat(row.path("nameEnSource").asString()).isEqualTo("planmap translation");
            }
        }
        assertThat(rows).isEqualTo(67);
    }

    @Test
    void unknownIdsAreProblemNotFound() {
        for (String path : List.of("/api/features/nope", "/api/plan/p99", "/api/layers/nope", "/api/plan/col-8-item-999")) {
            HttpResponse<String> r = http.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/problem+json");
        }
    }
}
