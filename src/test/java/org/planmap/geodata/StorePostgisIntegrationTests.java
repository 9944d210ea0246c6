package org.planmap.geodata;

import org.planmap.support.PostgisTestDatabase;
import org.springframework.test.context.ContextConfiguration;

/** The store contract on the real database, PostGIS. */
@ContextConfiguration(initializers = PostgisTestDatabase.class)
class StorePostgisIntegrationTests extends StoreContract {
}
