package org.planmap.support;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring test context at the real PostGIS that {@code .ci/run} provides
 * ({@code PLANMAP_TEST_POSTGIS_URL}, default: the local test database). Each context gets its own schema,
 * so test classes never see each other's data; PostGIS itself stays in {@code public}.
 */
public final class PostgisTestDatabase {
    public static final String URL = System.getenv().getOrDefault("PLANMAP_TEST_POSTGIS_URL",
            "jdbc:postgresql://127.0.0.1:5432/planmap_test?user=postgres");

    private PostgisTestDatabase() { }

    public static void register(DynamicPropertyRegistry registry) {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String separator = URL.contains("?") ? "&" : "?";
        registry.add("spring.datasource.url", () -> URL + separator + "currentSchema=" + schema + ",public");
        registry.add("spring.datasource.username", () -> System.getenv().getOrDefault("PLANMAP_TEST_POSTGIS_USER", "postgres"));
        registry.add("spring.datasource.password", () -> System.getenv().getOrDefault("PLANMAP_TEST_POSTGIS_PASSWORD", ""));
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.default-schema", () -> schema);
    }
}
