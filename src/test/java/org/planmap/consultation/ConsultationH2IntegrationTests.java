package org.planmap.consultation;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link ConsultationContract} on the embedded H2GIS database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsultationH2IntegrationTests extends ConsultationContract { }
