package org.planmap.editing;

import org.planmap.support.PostgisTestDatabase;
import org.springframework.test.context.ContextConfiguration;

/** The edit-and-restore browser test on PostGIS (the shared PostGIS test context). */
@ContextConfiguration(initializers = PostgisTestDatabase.class)
class EditingPostgisBrowserTests extends EditingBrowserTests {
}
