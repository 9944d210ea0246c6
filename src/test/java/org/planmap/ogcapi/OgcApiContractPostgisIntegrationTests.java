package org.planmap.ogcapi;

import org.planmap.support.PostgisTestDatabase;
import org.springframework.test.context.ContextConfiguration;

/** The OGC API contract on PostGIS (the PostGIS app context's own schema in the test database). */
@ContextConfiguration(initializers = PostgisTestDatabase.class)
class OgcApiContractPostgisIntegrationTests extends OgcApiContract {
}
