package org.planmap.ogcapi;

/** GDAL as an OGC API client of the app on the embedded H2GIS database. */
class OgcApiGdalH2IntegrationTests extends OgcApiGdalContract {
}
