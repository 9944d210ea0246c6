package org.planmap.features;

/** The store contract on the embedded default, H2GIS. */
class StoreH2Tests extends StoreContract {
}
