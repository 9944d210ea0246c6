package org.planmap.ogcapi;

/** The OGC API contract on the embedded H2GIS database. */
class OgcApiContractH2IntegrationTests extends OgcApiContract {
}
