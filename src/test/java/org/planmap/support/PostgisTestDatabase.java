package org.planmap.support;

import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring test context at the real PostGIS that {@code .ci/run} provides: {@code PLANMAP_TEST_POSTGIS_URL}
 * (default: the local test database), {@code PLANMAP_TEST_POSTGIS_USER} and {@code PLANMAP_TEST_POSTGIS_PASSWORD}.
 * Each context gets a schema of its own (PostGIS itself stays in {@code public}), created by Flyway and dropped when
 * the context closes, after its connection pool: a test run leaves nothing behind in the test database.
 *
 * <p>Use it as {@code @ContextConfiguration(initializers = PostgisTestDatabase.class)}: every test class that does,
 * with the same {@code @SpringBootTest}, shares one context (and one schema).
 */
public final class PostgisTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    public static final String URL = System.getenv().getOrDefault("PLANMAP_TEST_POSTGIS_URL",
            "jdbc:postgresql://127.0.0.1:5432/planmap_test?user=postgres");
    public static final String USER = System.getenv().getOrDefault("PLANMAP_TEST_POSTGIS_USER", "postgres");
    public static final String PASSWORD = System.getenv().getOrDefault("PLANMAP_TEST_POSTGIS_PASSWORD", "");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String schema = newSchema();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgis-test-database", properties(URL, schema)));
        // registered before any bean exists, so destroyed after all of them (the connection pool included)
        ((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("postgisTestSchemaDrop",
                () -> drop(schema));
    }

    /**
     * For a test that needs a PostGIS context of its own (other properties too) through
     * {@code @DynamicPropertySource}: the same database settings and a private schema, dropped when the JVM exits.
     * Prefer the initializer, which shares one context.
     */
    public static void register(DynamicPropertyRegistry registry) {
        register(registry, URL);
    }

    /**
     * As {@link #register(DynamicPropertyRegistry)}, but the app reaches the server through a port of 127.0.0.1
     * (a {@link CuttableTcpProxy} in front of {@link #server()}); the schema is still dropped directly.
     */
    public static void registerThrough(DynamicPropertyRegistry registry, int localPort) {
        URI server = URI.create(URL.substring("jdbc:".length()));
        register(registry, URL.replaceFirst("//" + java.util.regex.Pattern.quote(server.getRawAuthority()), "//127.0.0.1:" + localPort));
    }

    /** Host and port of the PostGIS server of {@link #URL}. */
    public static InetSocketAddress server() {
        URI server = URI.create(URL.substring("jdbc:".length()));
        return new InetSocketAddress(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort());
    }

    private static void register(DynamicPropertyRegistry registry, String url) {
        String schema = newSchema();
        properties(url, schema).forEach((key, value) -> registry.add(key, () -> value));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                drop(schema);
            } catch (SQLException e) {
                System.err.println("could not drop test schema " + schema + ": " + e.getMessage());
            }
        }));
    }

    private static String newSchema() {
        return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static Map<String, Object> properties(String url, String schema) {
        String separator = url.contains("?") ? "&" : "?";
        return Map.of(
                "spring.datasource.url", url + separator + "currentSchema=" + schema + ",public",
                "spring.datasource.username", USER,
                "spring.datasource.password", PASSWORD,
                "spring.flyway.schemas", schema,
                "spring.flyway.default-schema", schema);
    }

    private static void drop(String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
