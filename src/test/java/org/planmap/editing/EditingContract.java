package org.planmap.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.planmap.account.Roles;
import org.planmap.features.FeatureRepository;
import org.planmap.features.StoredFeature;
import org.planmap.geo.GeoJsonFeatures;
import org.planmap.geodata.CatalogueItem;
import org.planmap.geodata.DataSnapshots;
import org.planmap.geodata.SecondInstance;
import org.planmap.system.ApiException;
import org.planmap.support.Http;
import org.planmap.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;

/**
 * Staff edits as editors and map readers rely on them: versions, restore, stale saves, validation, placing a
 * catalogue item, the seed-versus-edits rule and the export. Runs unchanged on H2GIS and PostGIS. The app context is
 * shared with the other contract classes, so every test puts the data back as the seed has it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class EditingContract {
    @LocalServerPort int port;
    @Autowired FeatureEditor editor;
    @Autowired FeatureRepository features;
    @Autowired DataSnapshots snapshots;
    @Autowired SeedEdits seedEdits;
    @Autowired EditExport export;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationContext app;
    Http http;
    private final List<String> touched = new ArrayList<>();
    private final List<String> placed = new ArrayList<>();

    @BeforeEach
    void client() {
        http = new Http(port);
        signedIn();
    }

    /** The service tests act as a signed-in editor (the audit trail takes the actor from the security context). */
    static void signedIn() {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("test-editor", null,
                List.of(new SimpleGrantedAuthority(Roles.authority(Roles.EDITOR)))));
    }

    /** Every touched feature back to the seed; placed sites and their catalogue link removed. */
    @AfterEach
    void putTheSeedBack() {
        for (String id : touched) {
            StaffFeature staff = editor.current(id).staff().orElse(null);
            if (staff == null) continue;
            if (staff.inConflict()) jdbc.update("UPDATE staff_feature SET conflict_kind = NULL, seed_conflict = NULL WHERE feature_id = ?", id);
            StoredFeature now = features.get(id).orElseThrow();
            List<FeatureVersion> history = editor.history(id);
            String seed = history.get(history.size() - 1).feature();
            if (!FeatureDocuments.same(FeatureDocuments.write(now), seed)) {
                editor.restore(id, 1, editor.current(id).version(), "test clean-up", "test");
            }
        }
        for (String item : placed) {
            snapshots.write(() -> {
                jdbc.update("DELETE FROM feature WHERE id = ?", "site-" + item);
                jdbc.update("DELETE FROM feature_version WHERE feature_id = ?", "site-" + item);
                jdbc.update("DELETE FROM staff_feature WHERE feature_id = ?", "site-" + item);
                return jdbc.update("UPDATE catalogue_item SET status = 'unmapped', reason = 'location not stated', feature_id = NULL, "
                        + "decision = 'unmapped: test clean-up' WHERE id = ?", item);
            });
        }
    }

    /** A project site that is a point, moved by about 100 m (still in the district). */
    private String pointSite(int n) {
        String id = snapshots.current().features("project-sites").stream()
                .filter(f -> f.geometry() instanceof Point && f.properties().get("sharedAnchor") == null)
                .filter(f -> snapshots.current().features("district").get(0).geometry().contains(f.geometry().buffer(0.005)))
                .map(StoredFeature::id).skip(n).findFirst().orElseThrow();
        touched.add(id);
        return id;
    }

    private static Geometry moved(StoredFeature f, double dx) {
        Coordinate c = f.geometry().getCoordinate();
        return GeoJsonFeatures.WGS84.createPoint(new Coordinate(c.x + dx, c.y + dx / 2));
    }

    private static FeatureChange geometry(Geometry g) {
        return new FeatureChange(g, null, null, null, null, null, null, null);
    }

    @Test
    void aSaveIsANewVersionThatTheMapTheOgcApiAndTheHistoryShowAndARestoreBringsTheOldOneBack() {
        String id = pointSite(0);
        StoredFeature seed = features.get(id).orElseThrow();
        assertThat(editor.current(id).version()).isEqualTo(1);
        String etagBefore = http.get("/ogcapi/collections/project-sites/items/" + id).headers().firstValue("ETag").orElseThrow();
        Geometry to = moved(seed, 0.001);

        FeatureVersion v2 = editor.save(id, geometry(to), 1, "site corrected from the 2023 survey", "editor-a");

        assertThat(v2.version()).isEqualTo(2);
        assertThat(snapshots.current().feature(id).orElseThrow().geometry().equalsExact(to, 1e-7)).isTrue();
        JsonNode item = http.json("/api/features/" + id);
        assertThat(item.get("geometry").get("coordinates").get(0).asDouble()).isCloseTo(to.getCoordinate().x, org.assertj.core.data.Offset.offset(1e-7));
        HttpResponse<String> ogc = http.get("/ogcapi/collections/project-sites/items/" + id);
        assertThat(ogc.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etagBefore);
        assertThat(Http.parse(ogc.body()).get("geometry").get("coordinates").get(0).asDouble())
                .isCloseTo(to.getCoordinate().x, org.assertj.core.data.Offset.offset(1e-7));

        List<FeatureVersion> history = editor.history(id);
        assertThat(history).extracting(FeatureVersion::version).containsExactly(2, 1);
        assertThat(history.get(0).actor()).isEqualTo("editor-a");
        assertThat(history.get(0).reason()).isEqualTo("site corrected from the 2023 survey");
        assertThat(history.get(1).action()).isEqualTo(FeatureVersion.SEED);
        assertThat(FeatureDocuments.same(history.get(1).feature(), FeatureDocuments.write(seed))).isTrue();

        FeatureVersion v3 = editor.restore(id, 1, 2, "the survey point was the gate, not the site", "editor-b");

        assertThat(v3.version()).isEqualTo(3);
        assertThat(v3.restoredFrom()).isEqualTo(1);
        assertThat(snapshots.current().feature(id).orElseThrow().geometry().equalsExact(seed.geometry(), 1e-7)).isTrue();
        assertThat(editor.history(id)).extracting(FeatureVersion::action).containsExactly("restore", "edit", "seed");
    }

    @Test
    void namesAliasesAccuracyAndPlanRefsAreSavedAndSearchFindsTheNewName() {
        String id = pointSite(1);
        FeatureChange change = new FeatureChange(null, "测试更正名称站点", "Corrected test site", List.of("更正别名"), "surveyed",
                "实地核对", "checked on site", List.of("col-1"));
        editor.save(id, change, 1, "name from the district gazette", "editor-a");

        StoredFeature f = snapshots.current().feature(id).orElseThrow();
        assertThat(f.name()).isEqualTo("测试更正名称站点");
        assertThat(f.accuracy()).isEqualTo("surveyed");
        assertThat(f.properties()).containsEntry("aliases", List.of("更正别名")).containsEntry("planRefs", List.of("col-1"))
                .containsEntry("accuracyNoteEn", "checked on site");
        JsonNode results = http.json("/api/search?q=" + java.net.URLEncoder.encode("测试更正名称", java.nio.charset.StandardCharsets.UTF_8))
                .get("results");
        assertThat(results.get(0).get("id").asString()).isEqualTo(id);
    }

    @Test
    void aSaveOnAnOlderVersionIsRefusedAndLosesNothing() {
        String id = pointSite(2);
        StoredFeature seed = features.get(id).orElseThrow();
        editor.save(id, geometry(moved(seed, 0.001)), 1, "first editor", "editor-a");

        assertThatThrownBy(() -> editor.save(id, geometry(moved(seed, 0.002)), 1, "second editor, on the old version", "editor-b"))
                .isInstanceOfSatisfying(StaleVersionException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("version 1").contains("now version 2").contains("not lost");
                });
        assertThat(features.get(id).orElseThrow().geometry().equalsExact(moved(seed, 0.001), 1e-7)).isTrue();
        assertThat(editor.history(id)).hasSize(2);
    }

    @Test
    void ofTwoSavesOnTheSameVersionAtTheSameMomentExactlyOneIsStored() throws Exception {
        String id = pointSite(3);
        StoredFeature seed = features.get(id).orElseThrow();
        editor.save(id, geometry(moved(seed, 0.0005)), 1, "warm up: the feature has a staff record", "editor-a");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Object>> saves = new ArrayList<>();
            for (int k = 1; k <= 2; k++) {
                double dx = 0.001 * k;
                saves.add(() -> {
                    signedIn();
                    try {
                        return editor.save(id, geometry(moved(seed, dx)), 2, "concurrent " + dx, "editor-" + dx);
                    } catch (StaleVersionException e) {
                        return e;
                    }
                });
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : pool.invokeAll(saves)) outcomes.add(f.get());
            assertThat(outcomes).filteredOn(o -> o instanceof FeatureVersion).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof StaleVersionException).hasSize(1);
            FeatureVersion won = (FeatureVersion) outcomes.stream().filter(o -> o instanceof FeatureVersion).findFirst().orElseThrow();
            assertThat(FeatureDocuments.same(FeatureDocuments.write(features.get(id).orElseThrow()), won.feature())).isTrue();
            assertThat(editor.current(id).version()).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badInputIsRefusedWithTheParameterNamedAndTheStoredFeatureUntouched() {
        String id = pointSite(4);
        String before = FeatureDocuments.write(features.get(id).orElseThrow());
        Geometry outside = GeoJsonFeatures.WGS84.createPoint(new Coordinate(116.4, 39.9));
        Geometry line = GeoJsonFeatures.WGS84.createLineString(new Coordinate[] {new Coordinate(106.40, 29.60), new Coordinate(106.41, 29.61)});
        Geometry bowtie = GeoJsonFeatures.WGS84.createPolygon(new Coordinate[] {new Coordinate(106.40, 29.60),
                new Coordinate(106.42, 29.62), new Coordinate(106.42, 29.60), new Coordinate(106.40, 29.62), new Coordinate(106.40, 29.60)});
        String station = snapshots.current().features("context-stations").get(0).id();
        touched.add(station);
        record Case(String featureId, FeatureChange change, String reason, String parameter) { }
        List<Case> cases = List.of(
                new Case(id, geometry(outside), "moved to Beijing", "geometry"),
                new Case(id, geometry(bowtie), "self-crossing outline", "geometry"),
                new Case(station, geometry(line), "a station is a point", "geometry"),
                new Case(id, new FeatureChange(null, " ", null, null, null, null, null, null), "empty name", "name"),
                new Case(id, new FeatureChange(null, null, null, null, "guessed", null, null, null), "unknown accuracy", "accuracy"),
                new Case(id, new FeatureChange(null, null, null, null, null, null, null, List.of("p99-c1")), "no such section", "planRefs"),
                new Case(id, geometry(moved(features.get(id).orElseThrow(), 0.001)), " ", "reason"));
        for (Case c : cases) {
            assertThatThrownBy(() -> editor.save(c.featureId(), c.change(), 1, c.reason(), "editor-a")).as(c.reason())
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status().value()).isEqualTo(400);
                        assertThat(e.parameter()).isEqualTo(c.parameter());
                        assertThat(e.detailZh()).isNotBlank();
                    });
        }
        assertThat(FeatureDocuments.write(features.get(id).orElseThrow())).isEqualTo(before);
        assertThat(editor.current(id).version()).isEqualTo(1);
        assertThat(editor.history(id)).isEmpty();
    }

    @Test
    void placingAnUnmappedCatalogueItemMakesAProjectSiteLinkedBothWays() {
        CatalogueItem item = snapshots.current().catalogue().stream().filter(i -> !i.mapped()).findFirst().orElseThrow();
        placed.add(item.id());
        StoredFeature anchor = snapshots.current().features("project-sites").get(0);
        Geometry at = anchor.geometry().getInteriorPoint();

        FeatureVersion v = editor.place(item.id(), geometry(at), "located from the district's 2024 project list", "editor-a");

        assertThat(v.featureId()).isEqualTo("site-" + item.id());
        assertThat(v.action()).isEqualTo(FeatureVersion.PLACE);
        StoredFeature site = snapshots.current().feature(v.featureId()).orElseThrow();
        assertThat(site.name()).isEqualTo(item.name());
        assertThat(site.properties()).containsEntry("catalogueId", item.id()).containsEntry("column", item.column());
        assertThat(site.zone()).startsWith("zone-");
        CatalogueItem now = snapshots.current().catalogue().stream().filter(i -> i.id().equals(item.id())).findFirst().orElseThrow();
        assertThat(now.mapped()).isTrue();
        assertThat(now.featureId()).isEqualTo(v.featureId());
        JsonNode layer = http.json("/api/layers/project-sites");
        List<String> ids = new ArrayList<>();
        layer.get("features").forEach(f -> ids.add(f.get("id").asString()));
        assertThat(ids).contains(v.featureId());
        assertThatThrownBy(() -> editor.place(item.id(), geometry(at), "again", "editor-b"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(409));
    }

    @Test
    void aSeedChangeToAnEditedFeatureIsAConflictWhileStaffsVersionStaysOnTheMap() {
        String id = pointSite(5);
        StoredFeature seed = features.get(id).orElseThrow();
        Geometry staffs = moved(seed, 0.001);
        editor.save(id, geometry(staffs), 1, "staff correction", "editor-a");
        StoredFeature newSeed = FeatureDocuments.of(id, "project-sites", seed.properties(), moved(seed, -0.001));

        reload(newSeed);

        assertThat(features.get(id).orElseThrow().geometry().equalsExact(staffs, 1e-7)).as("staff's version stays on top").isTrue();
        StaffFeature staff = editor.current(id).staff().orElseThrow();
        assertThat(staff.conflictKind()).isEqualTo(StaffFeature.CHANGED);
        assertThat(FeatureDocuments.same(staff.seedConflict(), FeatureDocuments.write(newSeed))).isTrue();
        assertThat(editor.edited()).anySatisfy(s -> assertThat(s.featureId()).isEqualTo(id));

        FeatureVersion taken = editor.resolve(id, FeatureVersion.TAKE_SEED, 2, "the new seed is the surveyed point", "editor-b");

        assertThat(taken.version()).isEqualTo(3);
        assertThat(snapshots.current().feature(id).orElseThrow().geometry().equalsExact(newSeed.geometry(), 1e-7)).isTrue();
        assertThat(editor.current(id).staff().orElseThrow().inConflict()).isFalse();
        // the seed as it is now is what the map shows: a reload of the same seed raises nothing
        reload(newSeed);
        assertThat(editor.current(id).staff().orElseThrow().inConflict()).isFalse();
        // back to the repository's seed for the other tests
        reload(seed);
        editor.resolve(id, FeatureVersion.TAKE_SEED, 3, "test clean-up", "test");
    }

    @Test
    void keepingStaffsVersionClosesTheConflictAndASeedThatCaughtUpRaisesNone() {
        String id = pointSite(6);
        StoredFeature seed = features.get(id).orElseThrow();
        Geometry staffs = moved(seed, 0.001);
        editor.save(id, geometry(staffs), 1, "staff correction", "editor-a");
        StoredFeature otherSeed = FeatureDocuments.of(id, "project-sites", seed.properties(), moved(seed, -0.001));
        reload(otherSeed);
        editor.resolve(id, FeatureVersion.KEEP_STAFF, 2, "ours is the surveyed one", "editor-a");
        assertThat(editor.current(id).staff().orElseThrow().inConflict()).isFalse();
        assertThat(features.get(id).orElseThrow().geometry().equalsExact(staffs, 1e-7)).isTrue();

        // the export committed as the new seed: the seed caught up with staff, nothing to resolve
        reload(features.get(id).orElseThrow());
        assertThat(editor.current(id).staff().orElseThrow().inConflict()).isFalse();
        reload(seed);
        editor.resolve(id, FeatureVersion.TAKE_SEED, 3, "test clean-up", "test");
    }

    @Test
    void theExportIsTheSeedFileExceptForTheEditedLines() throws Exception {
        String id = pointSite(7);
        String file = Files.readString(Path.of("geodata/project-sites.geojson"));
        assertThat(export.collection("project-sites")).isEqualTo(file);
        assertThat(export.collection("zones")).isEqualTo(Files.readString(Path.of("geodata/zones.geojson")));
        assertThat(export.catalogue()).isEqualTo(Files.readString(Path.of("geodata/project-catalogue.csv")));

        editor.save(id, geometry(moved(features.get(id).orElseThrow(), 0.001)), 1, "staff correction", "editor-a");
        List<String> before = file.lines().toList();
        List<String> after = export.collection("project-sites").lines().toList();
        assertThat(after).hasSameSizeAs(before);
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) if (!before.get(i).equals(after.get(i))) changed.add(i);
        assertThat(changed).hasSize(1);
        assertThat(after.get(changed.get(0))).contains("\"id\":\"" + id + "\"");
    }

    @Test
    void anotherInstanceSeesAnEditWithinFiveSeconds() {
        String id = pointSite(8);
        DataSnapshots other = SecondInstance.holder(app);
        try {
            Geometry to = moved(features.get(id).orElseThrow(), 0.001);
            editor.save(id, geometry(to), 1, "seen by the other instance", "editor-a");
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                    assertThat(other.current().feature(id).orElseThrow().geometry().equalsExact(to, 1e-7)).isTrue());
        } finally {
            other.stop();
        }
    }


    @Test
    void overHttpAnEditorSavesWithIfMatchAStaleSaveIs412AndTheAuditTrailHasTheReason() {
        String id = pointSite(9);
        TestStaff.Client editor = TestStaff.signIn(app, port, Roles.EDITOR);
        HttpResponse<String> opened = editor.get("/api/staff/editing/features/" + id);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.headers().firstValue("ETag")).contains("\"v1\"");
        JsonNode feature = Http.parse(opened.body()).get("feature");
        double x = feature.get("geometry").get("coordinates").get(0).asDouble() + 0.001;
        double y = feature.get("geometry").get("coordinates").get(1).asDouble();
        String body = "{\"reason\":\"moved to the site gate (survey 2024)\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + x + "," + y + "]}}";

        HttpResponse<String> saved = editor.putJson("/api/staff/editing/features/" + id, body, "If-Match", "\"v1\"");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.headers().firstValue("ETag")).contains("\"v2\"");
        assertThat(http.json("/api/features/" + id).get("geometry").get("coordinates").get(0).asDouble())
                .isCloseTo(x, org.assertj.core.data.Offset.offset(1e-7));

        HttpResponse<String> stale = editor.putJson("/api/staff/editing/features/" + id, body, "If-Match", "\"v1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Http.parse(stale.body()).get("detail").asString()).contains("not lost");
        HttpResponse<String> unnamed = editor.putJson("/api/staff/editing/features/" + id, body);
        assertThat(unnamed.statusCode()).isEqualTo(428);
        HttpResponse<String> outside = editor.putJson("/api/staff/editing/features/" + id,
                "{\"reason\":\"x\",\"baseVersion\":2,\"geometry\":{\"type\":\"Point\",\"coordinates\":[116.4,39.9]}}");
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(Http.parse(outside.body()).get("parameter").asString()).isEqualTo("geometry");
        assertThat(editor.get("/api/staff/editing/features/" + id).headers().firstValue("ETag")).contains("\"v2\"");

        List<Map<String, Object>> audit = jdbc.queryForList("SELECT actor, action, reason FROM audit_event "
                + "WHERE entity_type = 'feature' AND entity_id = ? ORDER BY id", id);
        assertThat(audit).hasSize(1);
        // the row map is case-insensitive (H2 answers upper-case column names)
        assertThat(audit.get(0).get("actor")).isEqualTo(TestStaff.credentials(app, Roles.EDITOR).username());
        assertThat(audit.get(0).get("action")).isEqualTo("edit");
        assertThat(audit.get(0).get("reason")).isEqualTo("moved to the site gate (survey 2024)");
    }

    @Test
    void theEditorsApiIsForEditorsOnly() {
        String path = "/api/staff/editing/features/zone-east";
        HttpResponse<String> anonymous = TestStaff.anonymous(port).get(path);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(TestStaff.signIn(app, port, Roles.MODERATOR).get(path).statusCode()).isEqualTo(403);
        assertThat(TestStaff.signIn(app, port, Roles.ADMIN).get(path).statusCode()).isEqualTo(200);
        assertThat(TestStaff.anonymous(port).get("/api/staff/editing/export/zones.geojson").statusCode()).isEqualTo(401);
    }

    /** What the loader does when the seed file changed: replace the collection, then let the rule run. */
    private void reload(StoredFeature changedSeedFeature) {
        List<StoredFeature> seedFile = new ArrayList<>(features.all("project-sites").stream()
                .map(f -> f.id().equals(changedSeedFeature.id()) ? changedSeedFeature : seedOf(f)).toList());
        snapshots.write(() -> {
            features.replaceCollection("project-sites", seedFile);
            seedEdits.seedLoaded(Map.of("project-sites", seedFile));
            return null;
        });
    }

    /** The seed's version of a feature (the stored one unless staff edited it). */
    private StoredFeature seedOf(StoredFeature f) {
        return editor.current(f.id()).staff().filter(s -> s.seed() != null)
                .map(s -> FeatureDocuments.read(f.collection(), s.seed())).orElse(f);
    }
}
