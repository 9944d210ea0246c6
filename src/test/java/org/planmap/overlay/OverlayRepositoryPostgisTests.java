package org.planmap.overlay;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.planmap.support.PostgisTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link OverlayRepositoryContract} on the real PostGIS (a private schema per run). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OverlayRepositoryPostgisTests extends OverlayRepositoryContract {
    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(registry);
    }

    /**
     * pg_dump (custom format) of this test's schema, restored with pg_restore into a new database that has only
     * the PostGIS extension, as docs/operations.md says; the new database is dropped afterwards.
     */
    @Override
    List<String> restoredOverlayIds(Path workDir) throws Exception {
        String schema = jdbc.queryForObject("SELECT current_schema()", String.class);
        URI u = URI.create(PostgisTestDatabase.URL.substring("jdbc:".length()));
        String user = u.getQuery() != null && u.getQuery().startsWith("user=") ? u.getQuery().substring(5).split("&")[0] : "postgres";
        String server = "postgresql://" + user + "@" + u.getHost() + ":" + (u.getPort() < 0 ? 5432 : u.getPort());
        Path dump = workDir.resolve("planmap.dump");
        run("pg_dump", "--format=custom", "--no-owner", "--schema=" + schema, "--file=" + dump, "--dbname=" + server + u.getPath());
        String restored = "planmap_restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String admin = "jdbc:postgresql://" + u.getHost() + ":" + (u.getPort() < 0 ? 5432 : u.getPort());
        try (Connection c = DriverManager.getConnection(admin + "/postgres", user, "")) {
            c.createStatement().execute("CREATE DATABASE " + restored);
        }
        List<String> ids = new ArrayList<>();
        try {
            try (Connection c = DriverManager.getConnection(admin + "/" + restored, user, "")) {
                c.createStatement().execute("CREATE EXTENSION postgis");
            }
            run("pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + server + "/" + restored, dump.toString());
            try (Connection c = DriverManager.getConnection(admin + "/" + restored, user, "");
                 ResultSet rs = c.createStatement().executeQuery("SELECT o.id FROM " + schema + ".overlay o JOIN " + schema
                         + ".overlay_feature f ON f.overlay_id = o.id WHERE ST_Intersects(f.geom, ST_GeomFromText('POINT (106.45 29.58)', 4326))")) {
                while (rs.next()) ids.add(rs.getString(1));
            }
        } finally {
            try (Connection c = DriverManager.getConnection(admin + "/postgres", user, "")) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + restored + " WITH (FORCE)");
            }
        }
        return ids;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError(String.join(" ", command) + ":\n" + out);
    }
}
