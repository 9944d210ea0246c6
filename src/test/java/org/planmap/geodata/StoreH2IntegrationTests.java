package org.planmap.geodata;

/** The store contract on the embedded default, H2GIS. */
class StoreH2IntegrationTests extends StoreContract {
}
