package org.planmap.progress;

/** The progress contract on the embedded default, H2GIS. */
class ProgressH2IntegrationTests extends ProgressContract {
}
