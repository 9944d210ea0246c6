package org.planmap.account;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The first admin, created from configuration on a start where no account exists: {@code PLANMAP_ADMIN_USER} and
 * {@code PLANMAP_ADMIN_PASSWORD} (properties {@code planmap.admin.user}, {@code planmap.admin.password}). There is
 * no default: without them the app starts with no staff account (the public map works; the log says how to add
 * one). A password that {@link PasswordPolicy} refuses stops the start, with the reason. Once any account exists
 * the variables are ignored (remove them from the environment after the first start); the password never appears
 * in a log line.
 */
@Component
public class FirstAdmin implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    private final Properties properties;
    private final StaffAccounts accounts;

    /** @param user the first admin's username; @param password its password (never logged) */
    @ConfigurationProperties("planmap.admin")
    public record Properties(String user, String password) {
        @Override
        public String toString() {
            return "Properties[user=" + user + ", password=" + (password == null ? "unset" : "[set]") + "]";
        }
    }

    public FirstAdmin(Properties properties, StaffAccounts accounts) {
        this.properties = properties;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean userSet = properties.user() != null && !properties.user().isBlank();
        boolean passwordSet = properties.password() != null && !properties.password().isEmpty();
        if (accounts.users().count() > 0) {
            if (userSet || passwordSet) log.info("Staff accounts exist; PLANMAP_ADMIN_USER/PLANMAP_ADMIN_PASSWORD are ignored (remove them)");
            return;
        }
        if (!userSet && !passwordSet) {
            log.warn("No staff account exists. To create the first admin, start once with PLANMAP_ADMIN_USER and "
                    + "PLANMAP_ADMIN_PASSWORD set (README: Staff accounts). The public map works without one.");
            return;
        }
        if (!userSet || !passwordSet) {
            throw new IllegalStateException("PLANMAP_ADMIN_USER and PLANMAP_ADMIN_PASSWORD must be set together to create the first admin");
        }
        String problem = PasswordPolicy.problem(properties.user(), properties.password());
        if (problem != null) {
            throw new IllegalStateException("PLANMAP_ADMIN_PASSWORD is refused: " + problem + " (docs/accounts.md: passwords)");
        }
        StaffUser admin = accounts.createBySystem(properties.user(), null, Set.of(Roles.ADMIN), properties.password(),
                "first admin from configuration");
        log.info("First admin '{}' created from PLANMAP_ADMIN_USER", admin.username());
    }
}
