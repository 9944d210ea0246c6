package org.planmap.overlay;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.planmap.support.PostgisTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** {@link OverlayRepositoryContract} on the real PostGIS (the PostGIS app context's own schema). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PostgisTestDatabase.class)
class OverlayRepositoryPostgisIntegrationTests extends OverlayRepositoryContract {

    /**
     * pg_dump (custom format) of this context's schema, restored with pg_restore into a new database, as
     * docs/operations.md says; the new database is dropped afterwards. The test role needs CREATEDB, and the new
     * database gets PostGIS from {@code template1} (where {@code .ci/run} installs it as a superuser would).
     */
    @Override
    Restored restore(Path workDir) throws Exception {
        String schema = jdbc.queryForObject("SELECT current_schema()", String.class);
        URI u = URI.create(PostgisTestDatabase.URL.substring("jdbc:".length()));
        String user = PostgisTestDatabase.USER;
        String hostPort = u.getHost() + ":" + (u.getPort() < 0 ? 5432 : u.getPort());
        String server = "postgresql://" + user + "@" + hostPort;
        Path dump = workDir.resolve("planmap.dump");
        run("pg_dump", "--format=custom", "--no-owner", "--schema=" + schema, "--file=" + dump, "--dbname=" + server + u.getPath());
        String restored = "planmap_restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String admin = "jdbc:postgresql://" + hostPort;
        try (Connection c = DriverManager.getConnection(admin + "/postgres", user, PostgisTestDatabase.PASSWORD)) {
            c.createStatement().execute("CREATE DATABASE " + restored);
        }
        List<String> ids = new ArrayList<>();
        Map<String, Long> counts;
        try {
            try (Connection c = DriverManager.getConnection(admin + "/" + restored, user, PostgisTestDatabase.PASSWORD)) {
                c.createStatement().execute("CREATE EXTENSION IF NOT EXISTS postgis");
            }
            run("pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + server + "/" + restored, dump.toString());
            try (Connection c = DriverManager.getConnection(admin + "/" + restored, user, PostgisTestDatabase.PASSWORD);
                 ResultSet rs = c.createStatement().executeQuery("SELECT o.id FROM " + schema + ".overlay o JOIN " + schema
                         + ".overlay_feature f ON f.overlay_id = o.id WHERE ST_Intersects(f.geom, ST_GeomFromText('POINT (106.45 29.58)', 4326))")) {
                while (rs.next()) ids.add(rs.getString(1));
                counts = rowCounts(c, schema);
            }
        } finally {
            try (Connection c = DriverManager.getConnection(admin + "/postgres", user, PostgisTestDatabase.PASSWORD)) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + restored + " WITH (FORCE)");
            }
        }
        return new Restored(ids, counts);
    }

    /** Runs a PostgreSQL client with the test role's password in its environment (never on the command line). */
    private static void run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", PostgisTestDatabase.PASSWORD);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError(String.join(" ", command) + ":\n" + out);
    }
}
