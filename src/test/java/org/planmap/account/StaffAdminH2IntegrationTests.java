package org.planmap.account;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffAdminH2IntegrationTests extends StaffAdminContract {
}
