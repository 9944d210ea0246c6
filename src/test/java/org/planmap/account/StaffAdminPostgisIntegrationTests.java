package org.planmap.account;

import org.planmap.support.PostgisTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PostgisTestDatabase.class)
class StaffAdminPostgisIntegrationTests extends StaffAdminContract {
}
