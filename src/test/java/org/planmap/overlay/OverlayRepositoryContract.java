package org.planmap.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;
import org.planmap.geo.GeoJsonFeatures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Saved overlays, run against H2GIS and PostGIS by the two subclasses: same behaviour on both. */
abstract class OverlayRepositoryContract {
    @Autowired
    OverlayRepository repository;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    static PreparedOverlay sample() throws Exception {
        var g = new WKTReader(GeoJsonFeatures.WGS84).read("POLYGON ((106.44 29.57, 106.46 29.57, 106.46 29.59, 106.44 29.59, 106.44 29.57))");
        return new PreparedOverlay("wkt", List.of(new OverlayFeature("磁器口更新片区", Map.of("用途", "文旅"), g)), "EPSG:4326", "crs field",
                List.of("a note"));
    }

    @Test
    void savedOverlayComesBackWithItsGeometryAndNames() throws Exception {
        OverlayRepository.Created c = repository.save("测试", sample(), 750);
        assertThat(c.id()).matches("[A-Za-z0-9_-]{22}");
        assertThat(c.deleteToken()).hasSize(43);
        OverlayRepository.Saved s = repository.find(c.id()).orElseThrow();
        assertThat(s.name()).isEqualTo("测试");
        assertThat(s.distanceMetres()).isEqualTo(750);
        assertThat(s.overlay().features().get(0).name()).isEqualTo("磁器口更新片区");
        assertThat(s.overlay().features().get(0).properties()).containsEntry("用途", "文旅");
        assertThat(s.overlay().features().get(0).geometry().equalsExact(sample().features().get(0).geometry(), 1e-9)).isTrue();
        assertThat(s.overlay().notes()).containsExactly("a note");
    }

    @Test
    void onlyTheTokenHashIsStored() throws Exception {
        OverlayRepository.Created c = repository.save("x", sample(), 1000);
        String stored = jdbc.queryForObject("SELECT delete_token_sha256 FROM overlay WHERE id = ?", String.class, c.id());
        assertThat(stored).isEqualTo(OverlayRepository.sha256(c.deleteToken())).doesNotContain(c.deleteToken());
    }

    @Test
    void deleteNeedsTheRightToken() throws Exception {
        OverlayRepository.Created c = repository.save("x", sample(), 1000);
        assertThat(repository.delete(c.id(), "wrong")).isEqualTo(OverlayRepository.Deletion.FORBIDDEN);
        assertThat(repository.delete(c.id(), c.deleteToken())).isEqualTo(OverlayRepository.Deletion.DELETED);
        assertThat(repository.find(c.id())).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM overlay_feature WHERE overlay_id = ?", Integer.class, c.id())).isZero();
        assertThat(repository.delete(c.id(), c.deleteToken())).isEqualTo(OverlayRepository.Deletion.NOT_FOUND);
    }

    @Test
    void aFailedSaveLeavesNothingBehind() throws Exception {
        var bad = new PreparedOverlay("wkt", List.of(sample().features().get(0), new OverlayFeature("null geometry", Map.of(), null)),
                "EPSG:4326", "x", List.of());
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM overlay", Integer.class);
        try {
            repository.save("half", bad, 1000);
        } catch (RuntimeException expected) {
            // the second feature cannot be written
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM overlay", Integer.class)).isEqualTo(before);
    }

    @Test
    void saveOpenAndDeleteOverHttp() throws Exception {
        OverlayHttp.Answer saved = OverlayHttp.postJson(port, "/api/overlays", "{\"wkt\":\"POLYGON ((106.44 29.57, 106.46 29.57, "
                + "106.46 29.59, 106.44 29.59, 106.44 29.57))\",\"name\":\"我的项目\",\"distance\":2000}");
        assertThat(saved.status()).as(saved.text()).isEqualTo(201);
        String id = saved.json().path("id").asString();
        String token = saved.json().path("deleteToken").asString();
        assertThat(saved.json().path("link").asString()).isEqualTo("/#overlay=" + id);

        OverlayHttp.Answer got = OverlayHttp.get(port, "/api/overlays/" + id);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().path("name").asString()).isEqualTo("我的项目");
        assertThat(got.json().has("deleteToken")).isFalse();
        assertThat(got.json().path("report").path("distanceMetres").asDouble()).isEqualTo(2000);
        assertThat(OverlayUploadIntegrationTests.touchedNames(got.json().path("report").path("features").get(0)))
                .containsExactlyInAnyOrderElementsOf(OverlayUploadIntegrationTests.CIQIKOU_AREAS);
        assertThat(OverlayHttp.get(port, "/api/overlays/" + id + "/report.csv").text()).contains("东部人文母城");
        assertThat(OverlayHttp.get(port, "/api/overlays/" + id + "/report.json").json().path("features")).hasSize(1);

        assertThat(OverlayHttp.delete(port, "/api/overlays/" + id, null).status()).isEqualTo(400);
        assertThat(OverlayHttp.delete(port, "/api/overlays/" + id, "not-the-token").status()).isEqualTo(403);
        assertThat(OverlayHttp.delete(port, "/api/overlays/" + id, token).status()).isEqualTo(204);
        assertThat(OverlayHttp.get(port, "/api/overlays/" + id).status()).isEqualTo(404);
    }

    @Test
    void unknownAndMalformedIdsAre404() throws Exception {
        assertThat(OverlayHttp.get(port, "/api/overlays/AAAAAAAAAAAAAAAAAAAAAA").status()).isEqualTo(404);
        assertThat(OverlayHttp.get(port, "/api/overlays/'%20OR%201=1").status()).isEqualTo(404);
    }

    @Test
    void fiftyConcurrentReadsOfOneOverlayAllSucceed() throws Exception {
        // each read used to hold one pooled connection while asking for a second: 50 at once starved the pool of 10
        String id = repository.save("并发", sample(), 1000).id();
        List<java.util.concurrent.Callable<Integer>> reads = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) reads.add(() -> OverlayHttp.get(port, "/api/overlays/" + id).status());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(50);
        try {
            for (var f : pool.invokeAll(reads, 60, java.util.concurrent.TimeUnit.SECONDS)) assertThat(f.get()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyStoresOnce() throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        String name = "幂等 " + key;
        String body = "{\"wkt\":\"POLYGON ((106.44 29.57, 106.46 29.57, 106.46 29.59, 106.44 29.59, 106.44 29.57))\",\"name\":\"" + name + "\"}";
        OverlayHttp.Answer first = postWithKey(body, key);
        OverlayHttp.Answer again = postWithKey(body, key);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(again.status()).as(again.text()).isEqualTo(201);
        assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(again.json().path("deleteToken").asString()).isEqualTo(first.json().path("deleteToken").asString());
        assertThat(again.response().headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM overlay WHERE name = ?", Integer.class, name)).isEqualTo(1);
        OverlayHttp.Answer other = postWithKey(body.replace(name, name + " changed"), key);
        assertThat(other.status()).as("the same key for another request").isEqualTo(422);
    }

    @Test
    void concurrentRetriesWithOneKeyStoreOnce() throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        String name = "并发幂等 " + key;
        String body = "{\"wkt\":\"POINT (106.45 29.58)\",\"name\":\"" + name + "\"}";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Callable<OverlayHttp.Answer>> posts = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) posts.add(() -> postWithKey(body, key));
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (var f : pool.invokeAll(posts)) {
                OverlayHttp.Answer a = f.get();
                if (a.status() == 503) continue; // the analysis bulkhead may turn one away; it stored nothing
                assertThat(a.status()).as(a.text()).isEqualTo(201);
                ids.add(a.json().path("id").asString());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM overlay WHERE name = ?", Integer.class, name)).isEqualTo(1);
    }

    /**
     * The backup and restore commands of docs/operations.md lose nothing: the restored database holds every saved
     * overlay (and finds it spatially) and every row of every table the app keeps — features, plan sources,
     * catalogue, accounts, audit, progress, comments, idempotency keys, whatever earlier tests of this context stored.
     */
    @Test
    void aBackupRestoredIntoAnEmptyDatabaseHoldsEverySavedRecord() throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) ids.add(repository.save("备份 " + i, sample(), 1000).id());
        List<String> all = jdbc.queryForList("SELECT id FROM overlay", String.class);
        Map<String, Long> saved = jdbc.execute((java.sql.Connection c) -> rowCounts(c, c.getSchema()));
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("planmap-backup-");
        try {
            Restored restored = restore(dir);
            assertThat(restored.overlaysAtAPoint()).containsAll(ids).containsExactlyInAnyOrderElementsOf(all);
            assertThat(restored.rowCounts()).isEqualTo(saved);
            assertThat(saved).containsKeys("overlay", "feature", "catalogue_item", "audit_event", "flyway_schema_history");
            assertThat(saved.values().stream().filter(n -> n > 0).count()).as("tables holding rows").isGreaterThanOrEqualTo(6);
        } finally {
            UploadReader.deleteTree(dir);
        }
    }

    /** What a restore gave: the overlays found at the sample's point, and the rows of each of the app's tables. */
    record Restored(List<String> overlaysAtAPoint, Map<String, Long> rowCounts) { }

    /** Backs the database up with the command of docs/operations.md, restores it into a new empty database, reads it. */
    abstract Restored restore(java.nio.file.Path workDir) throws Exception;

    /** Rows per table (lower-case name) of {@code schema}, views and system tables left out: the same JDBC calls on both databases. */
    static Map<String, Long> rowCounts(java.sql.Connection c, String schema) throws java.sql.SQLException {
        Map<String, Long> counts = new java.util.TreeMap<>();
        List<String> tables = new java.util.ArrayList<>();
        try (java.sql.ResultSet rs = c.getMetaData().getTables(null, schema, "%", null)) {
            while (rs.next()) {
                String type = rs.getString("TABLE_TYPE");
                if (type.equals("TABLE") || type.equals("BASE TABLE")) tables.add(rs.getString("TABLE_NAME"));
            }
        }
        for (String t : tables) {
            try (java.sql.ResultSet rs = c.createStatement().executeQuery(
                    "SELECT COUNT(*) FROM \"" + schema + "\".\"" + t + "\"")) {
                rs.next();
                counts.put(t.toLowerCase(java.util.Locale.ROOT), rs.getLong(1));
            }
        }
        return counts;
    }

    private OverlayHttp.Answer postWithKey(String json, String key) throws Exception {
        return OverlayHttp.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/overlays"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build());
    }
}
