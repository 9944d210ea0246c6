package org.planmap.consultation;

import org.planmap.support.PostgisTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** {@link ConsultationContract} on the real PostGIS (the PostGIS app context's own schema). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PostgisTestDatabase.class)
class ConsultationPostgisIntegrationTests extends ConsultationContract { }
