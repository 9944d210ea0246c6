package org.planmap.geodata;

import org.planmap.support.PostgisTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The store contract on the real database, PostGIS. */
class StorePostgisTests extends StoreContract {
    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(registry);
    }
}
