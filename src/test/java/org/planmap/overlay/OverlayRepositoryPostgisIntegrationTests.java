package org.planmap.overlay;

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
}
