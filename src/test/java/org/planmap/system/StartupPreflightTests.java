package org.planmap.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.planmap.support.PostgisTestDatabase;
import org.springframework.mock.env.MockEnvironment;

/**
 * What a new operator gets wrong, each answered with one line naming what to run (against the real PostgreSQL). As
 * the test role of {@code .ci/run} (a password, CREATEDB, no superuser): a fresh Debian server asks every TCP login
 * for a password, so nothing here may log in as {@code postgres} without one.
 */
class StartupPreflightTests {
    static final String SERVER = PostgisTestDatabase.URL.replaceAll("/[^/?]+(\\?.*)?$", "");
    static final String USER = PostgisTestDatabase.USER;
    static final String PASSWORD = PostgisTestDatabase.PASSWORD;

    @Test
    void aMissingRoleNamesTheCreateRoleCommand() {
        // a server that trusts the connection says the role is missing; one that asks for a password cannot tell it
        // from a wrong password: either way the line names the command that creates the role
        assertThat(StartupPreflight.check(PostgisTestDatabase.URL.replaceAll("\\?.*", ""), "planmap_no_such_role", "x"))
                .hasValueSatisfying(m -> assertThat(m).contains("'planmap_no_such_role'").contains("CREATE ROLE planmap_no_such_role LOGIN"));
    }

    @Test
    void aMissingDatabaseNamesTheCreateDatabaseCommand() {
        assertThat(StartupPreflight.check(SERVER + "/planmap_no_such_db", USER, PASSWORD))
                .hasValueSatisfying(m -> assertThat(m).contains("no database 'planmap_no_such_db'")
                        .contains("CREATE DATABASE planmap_no_such_db OWNER " + USER).contains("CREATE EXTENSION postgis"));
    }

    @Test
    void aDatabaseWithoutPostgisNamesTheExtensionCommand() throws Exception {
        String db = "planmap_nopostgis_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        // from template0: .ci/run installs PostGIS in template1, so a database made from that would have it
        try (Connection c = DriverManager.getConnection(SERVER + "/postgres", USER, PASSWORD)) {
            c.createStatement().execute("CREATE DATABASE " + db + " TEMPLATE template0");
        }
        try {
            assertThat(StartupPreflight.check(SERVER + "/" + db, USER, PASSWORD))
                    .hasValue("Database '" + db + "' has no PostGIS extension, and planmap's role may not create it. "
                            + "As a PostgreSQL superuser run: psql -d " + db + " -c 'CREATE EXTENSION postgis'");
        } finally {
            try (Connection c = DriverManager.getConnection(SERVER + "/postgres", USER, PASSWORD)) {
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
        assertThat(StartupPreflight.check(PostgisTestDatabase.URL, USER, PASSWORD)).isEmpty();
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
