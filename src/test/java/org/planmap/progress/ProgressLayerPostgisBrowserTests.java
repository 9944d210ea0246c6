package org.planmap.progress;

import org.planmap.support.PostgisTestDatabase;
import org.springframework.test.context.ContextConfiguration;

/** The progress layer in the browser, on PostGIS. */
@ContextConfiguration(initializers = PostgisTestDatabase.class)
class ProgressLayerPostgisBrowserTests extends ProgressLayerBrowserContract {
}
