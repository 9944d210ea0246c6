package org.planmap.ogcapi;

import org.planmap.support.PostgisTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The OGC API contract on PostGIS (its own schema in the test database). */
class OgcApiContractPostgisTests extends OgcApiContractTests {
    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(registry);
    }
}
