package org.planmap.editing;

/** The editing contract on the embedded default, H2GIS. */
class EditingH2IntegrationTests extends EditingContract {
}
