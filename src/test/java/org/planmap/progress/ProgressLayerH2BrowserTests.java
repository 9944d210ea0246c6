package org.planmap.progress;

/** The progress layer in the browser, on the embedded default, H2GIS. */
class ProgressLayerH2BrowserTests extends ProgressLayerBrowserContract {
}
