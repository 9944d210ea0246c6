package org.planmap.ogcapi;

import org.planmap.support.PostgisTestDatabase;
import org.springframework.test.context.ContextConfiguration;

/** GDAL as an OGC API client of the app on PostGIS (the PostGIS app context's own schema in the test database). */
@ContextConfiguration(initializers = PostgisTestDatabase.class)
class OgcApiGdalPostgisIntegrationTests extends OgcApiGdalContract {
}
