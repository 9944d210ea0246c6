package org.planmap.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Checks, before any bean exists and so before a database file is created, what an operator most often gets
 * wrong, and says it in one log line with what to do: where the app looks for {@code geodata/} (always logged),
 * an empty database password under profile {@code postgis}, and a PostgreSQL that is not there, has no such
 * role or database, refuses the password, or lacks the PostGIS extension. Registered by
 * {@code PlanMapApplication.main} (tests build their contexts without it); on a failure it exits with status 2.
 */
public class StartupPreflight implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {
    private static final Logger log = LoggerFactory.getLogger(StartupPreflight.class);
    static final String PLAN_FILE = "plan/shapingba-14th-five-year-plan-outline.txt";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment env = event.getEnvironment();
        Optional<String> problem = geodata(env).or(() -> database(env));
        if (problem.isPresent()) {
            log.error(problem.get());
            System.exit(2);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after LoggingApplicationListener, so the line goes to the configured log
    }

    /** Logs where geodata is read from; a folder without the plan text is a problem. */
    static Optional<String> geodata(Environment env) {
        String configured = env.getProperty("planmap.geodata.dir", "geodata");
        Path dir = Path.of(configured).toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve(PLAN_FILE))) {
            return Optional.of("No geodata at " + dir + " (planmap.geodata.dir = " + configured + ", working directory "
                    + Path.of("").toAbsolutePath() + "): start planmap from the folder that holds geodata/, or set "
                    + "PLANMAP_GEODATA_DIR to that folder.");
        }
        log.info("Reading geodata from {}", dir);
        return Optional.empty();
    }

    /** For a PostgreSQL datasource: a password under profile postgis, then one connection and the PostGIS extension. */
    static Optional<String> database(Environment env) {
        String url = env.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:postgresql:")) return Optional.empty();
        String user = env.getProperty("spring.datasource.username", "");
        String password = env.getProperty("spring.datasource.password", "");
        if (Arrays.asList(env.getActiveProfiles()).contains("postgis") && password.isEmpty()) {
            return Optional.of("PLANMAP_DB_PASSWORD is empty: planmap does not connect to PostgreSQL without a password. Set it in "
                    + "the environment (docker compose: in the .env file, see README).");
        }
        return check(url, user, password);
    }

    /** One line saying what to run, or empty when the database is ready for planmap. */
    public static Optional<String> check(String url, String user, String password) {
        Properties props = new Properties();
        if (user != null && !user.isEmpty()) props.setProperty("user", user);
        if (password != null && !password.isEmpty()) props.setProperty("password", password);
        props.setProperty("connectTimeout", "5");
        String database = databaseName(url);
        try (Connection c = DriverManager.getConnection(url, props)) {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")) {
                if (!rs.next()) {
                    return Optional.of("Database '" + database + "' has no PostGIS extension, and planmap's role may not create it. "
                            + "As a PostgreSQL superuser run: psql -d " + database + " -c 'CREATE EXTENSION postgis'");
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            String message = String.valueOf(e.getMessage());
            if (message.contains("role \"") && message.contains("does not exist")) {
                return Optional.of("PostgreSQL has no role '" + user + "'. As a PostgreSQL superuser run: psql -c \"CREATE ROLE " + user
                        + " LOGIN PASSWORD '<the PLANMAP_DB_PASSWORD>'\" (README: PostGIS set-up)");
            }
            if (state.equals("3D000")) {
                return Optional.of("PostgreSQL has no database '" + database + "'. As a PostgreSQL superuser run: psql -c \"CREATE DATABASE "
                        + database + " OWNER " + user + "\" && psql -d " + database + " -c 'CREATE EXTENSION postgis' (README: PostGIS set-up)");
            }
            if (state.equals("28P01") || message.contains("password authentication failed")) {
                // a server that asks for a password (Debian's default for TCP) answers a missing role the same way
                return Optional.of("PostgreSQL refused the password of role '" + user + "': check PLANMAP_DB_PASSWORD, or, if there "
                        + "is no such role, as a PostgreSQL superuser run: psql -c \"CREATE ROLE " + user
                        + " LOGIN PASSWORD '<the PLANMAP_DB_PASSWORD>'\" (README: PostGIS set-up)");
            }
            if (state.startsWith("28")) {
                return Optional.of("PostgreSQL refused role '" + user + "' (" + firstLine(message) + "): check pg_hba.conf and the role.");
            }
            if (state.startsWith("08") || DatabaseAvailability.isConnectionFailure(e)) {
                return Optional.of("No PostgreSQL answers at " + url.replaceAll("\\?.*", "") + " (" + firstLine(message)
                        + "): start it, or set PLANMAP_DB_HOST and PLANMAP_DB_PORT.");
            }
            return Optional.of("PostgreSQL at " + url.replaceAll("\\?.*", "") + " cannot be used: " + firstLine(message));
        }
    }

    static String databaseName(String url) {
        String rest = url.replaceFirst("^jdbc:postgresql://[^/]*/?", "");
        int q = rest.indexOf('?');
        return q < 0 ? rest : rest.substring(0, q);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
