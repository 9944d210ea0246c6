package org.planmap.editing;

import org.planmap.support.PostgisTestDatabase;
import org.springframework.test.context.ContextConfiguration;

/** The editing contract on the real database, PostGIS. */
@ContextConfiguration(initializers = PostgisTestDatabase.class)
class EditingPostgisIntegrationTests extends EditingContract {
}
