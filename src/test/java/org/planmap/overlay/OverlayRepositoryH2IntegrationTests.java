package org.planmap.overlay;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link OverlayRepositoryContract} on the embedded H2GIS database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OverlayRepositoryH2IntegrationTests extends OverlayRepositoryContract { }
