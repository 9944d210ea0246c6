package org.planmap.overlay;

import org.planmap.support.PostgisTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** {@link OverlayRepositoryContract} on the real PostGIS (the PostGIS app context's own schema). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PostgisTestDatabase.class)
class OverlayRepositoryPostgisIntegrationTests extends OverlayRepositoryContract {
}
