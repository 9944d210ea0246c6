package org.planmap.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planmap.audit.AuditTrail;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first admin from PLANMAP_ADMIN_USER / PLANMAP_ADMIN_PASSWORD, on a fresh in-memory H2 with the account and audit
 * migrations (no app context): created once, never with a weak or half-given password, never logged.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminTests {
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private JdbcTemplate jdbc;
    private StaffAccounts accounts;

    @BeforeEach
    void freshDatabase() {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:first-admin-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/h2/V10__staff_account.sql"),
                new ClassPathResource("db/migration/h2/V11__audit_event.sql")).execute(ds);
        jdbc = new JdbcTemplate(ds);
        accounts = new StaffAccounts(new StaffUserRepository(jdbc), encoder, new AuditTrail(jdbc, JsonMapper.builder().build()));
    }

    private void start(String user, String password) {
        new FirstAdmin(new FirstAdmin.Properties(user, password), accounts).run(null);
    }

    @Test
    void createsTheAdminOnceFromConfigurationWithoutLoggingThePassword(CapturedOutput output) {
        String password = "a long river passphrase " + UUID.randomUUID();
        start("Anna", password);
        StaffUser anna = accounts.users().find("anna").orElseThrow();
        assertThat(anna.roles()).containsExactly(Roles.ADMIN);
        assertThat(anna.mustChangePassword()).isFalse();
        assertThat(encoder.matches(password, anna.passwordHash())).isTrue();
        assertThat(anna.passwordHash()).startsWith("{bcrypt}");
        assertThat(jdbc.queryForObject("SELECT actor_kind FROM audit_event WHERE action = 'create'", String.class)).isEqualTo("system");

        // a later start with other values changes nothing
        start("bob", "another long passphrase 2035");
        assertThat(accounts.users().count()).isEqualTo(1);
        assertThat(output.getAll()).contains("First admin 'anna' created").doesNotContain(password);
        assertThat(jdbc.queryForList("SELECT * FROM audit_event").toString()).doesNotContain(password);
    }

    @Test
    void aWeakOrHalfGivenPasswordStopsTheStart() {
        assertThatThrownBy(() -> start("anna", "password1234")).hasMessageContaining("PLANMAP_ADMIN_PASSWORD is refused")
                .hasMessageContaining("too common");
        assertThatThrownBy(() -> start("anna", "short")).hasMessageContaining("at least 12");
        assertThatThrownBy(() -> start("anna", "")).hasMessageContaining("must be set together");
        assertThatThrownBy(() -> start(null, "a long river passphrase")).hasMessageContaining("must be set together");
        assertThat(accounts.users().count()).isZero();
    }

    @Test
    void withoutConfigurationTheAppStartsWithNoAccountAndSaysHowToMakeOne(CapturedOutput output) {
        start(null, null);
        assertThat(accounts.users().count()).isZero();
        assertThat(output.getAll()).contains("PLANMAP_ADMIN_USER").contains("No staff account exists");
    }
}
