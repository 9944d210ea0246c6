package org.planmap.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.planmap.support.PostgisTestDatabase;
import org.springframework.mock.env.MockEnvironment;

/** What a new operator gets wrong, each answered with one line naming what to run (against the real PostgreSQL). */
class StartupPreflightTests {
    static final String SERVER = PostgisTestDatabase.URL.replaceAll("/[^/?]+(\\?.*)?$", "");

    @Test
    void aMissingRoleNamesTheCreateRoleCommand() {
        assertThat(StartupPreflight.check(PostgisTestDatabase.URL.replaceAll("\\?.*", ""), "planmap_no_such_role", "x"))
                .hasValueSatisfying(m -> assertThat(m).contains("no role 'planmap_no_such_role'").contains("CREATE ROLE planmap_no_such_role LOGIN"));
    }

    @Test
    void aMissingDatabaseNamesTheCreateDatabaseCommand() {
        assertThat(StartupPreflight.check(SERVER + "/planmap_no_such_db", "postgres", ""))
                .hasValueSatisfying(m -> assertThat(m).contains("no database 'planmap_no_such_db'")
                        .contains("CREATE DATABASE planmap_no_such_db OWNER postgres").contains("CREATE EXTENSION postgis"));
    }

    @Test
    void aDatabaseWithoutPostgisNamesTheExtensionCommand() throws Exception {
        String db = "planmap_nopostgis_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection c = DriverManager.getConnection(SERVER + "/postgres", "postgres", "")) {
            c.createStatement().execute("CREATE DATABASE " + db);
        }
        try {
            assertThat(StartupPreflight.check(SERVER + "/" + db, "postgres", ""))
                    .hasValue("Database '" + db + "' has no PostGIS extension, and planmap's role may not create it. "
                            + "As a PostgreSQL superuser run: psql -d " + db + " -c 'CREATE EXTENSION postgis'");
        } finally {
            try (Connection c = DriverManager.getConnection(SERVER + "/postgres", "postgres", "")) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        }
    }

    @Test
    void noServerSaysWhereItLooked() {
        assertThat(StartupPreflight.check("jdbc:postgresql://127.0.0.1:1/planmap", "planmap", "x"))
                .hasValueSatisfying(m -> assertThat(m).startsWith("No PostgreSQL answers at jdbc:postgresql://127.0.0.1:1/planmap"));
    }

    @Test
    void aReadyDatabasePasses() {
        assertThat(StartupPreflight.check(PostgisTestDatabase.URL, null, null)).isEmpty();
    }

    @Test
    void anEmptyPasswordUnderProfilePostgisIsRefused() {
        MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/planmap")
                .withProperty("spring.datasource.username", "planmap").withProperty("spring.datasource.password", "");
        env.setActiveProfiles("postgis");
        assertThat(StartupPreflight.database(env)).hasValueSatisfying(m -> assertThat(m).startsWith("PLANMAP_DB_PASSWORD is empty"));
    }

    @Test
    void aFolderWithoutGeodataIsNamedWithItsAbsolutePath() {
        MockEnvironment env = new MockEnvironment().withProperty("planmap.geodata.dir", "no-such-geodata");
        assertThat(StartupPreflight.geodata(env)).hasValueSatisfying(m -> assertThat(m)
                .startsWith("No geodata at " + java.nio.file.Path.of("no-such-geodata").toAbsolutePath()).contains("PLANMAP_GEODATA_DIR"));
        assertThat(StartupPreflight.geodata(new MockEnvironment())).isEmpty();
    }
}
