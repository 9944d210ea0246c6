package org.planmap.progress;

import org.planmap.support.PostgisTestDatabase;
import org.springframework.test.context.ContextConfiguration;

/** The progress contract on the real database, PostGIS. */
@ContextConfiguration(initializers = PostgisTestDatabase.class)
class ProgressPostgisIntegrationTests extends ProgressContract {
}
