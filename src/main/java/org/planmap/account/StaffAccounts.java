package org.planmap.account;

import java.util.Set;
import java.util.regex.Pattern;
import org.planmap.audit.AuditTrail;
import org.planmap.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and changing staff accounts, each change checked and audited in the same transaction. The controllers,
 * the first-admin start-up task ({@link FirstAdmin}) and the test support all go through here.
 */
@Service
public class StaffAccounts {
    /** Lower-case letters, digits, dot, underscore, hyphen; 2–64 characters, starting with a letter or digit. */
    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private final StaffUserRepository users;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;

    public StaffAccounts(StaffUserRepository users, PasswordEncoder encoder, AuditTrail audit) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
    }

    public StaffUserRepository users() {
        return users;
    }

    /**
     * Creates an account with a password (checked against {@link PasswordPolicy}), audited with the signed-in
     * admin as the actor.
     */
    @Transactional
    public StaffUser create(String username, String displayName, Set<String> roles, String password, boolean mustChangePassword) {
        return create(username, displayName, roles, password, mustChangePassword, null);
    }

    /**
     * Creates an account the app makes by itself (the first admin from configuration; test set-up), audited as the
     * system with the given reason.
     */
    @Transactional
    public StaffUser createBySystem(String username, String displayName, Set<String> roles, String password, String reason) {
        return create(username, displayName, roles, password, false, reason);
    }

    private StaffUser create(String username, String displayName, Set<String> roles, String password, boolean mustChangePassword,
                             String systemReason) {
        String name = StaffUserRepository.normalise(username);
        if (name == null || !USERNAME.matcher(name).matches()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "A username has 2 to 64 characters: letters a-z, digits, '.', '_' or '-'",
                    "username", username).withChinese("用户名为 2 至 64 个字符：字母 a-z、数字、“.”、“_”或“-”");
        }
        if (roles.stream().anyMatch(r -> Roles.parse(r) == null)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Roles are EDITOR, MODERATOR and ADMIN", "roles", String.join(",", roles));
        }
        PasswordPolicy.check(name, password, "password");
        if (users.find(name).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "The username '" + name + "' is taken", "username", name)
                    .withChinese("用户名“" + name + "”已被使用");
        }
        String display = displayName == null || displayName.isBlank() ? name : displayName.strip();
        if (display.length() > 200) throw ApiException.badParameter("displayName", null, "at most 200 characters");
        users.insert(name, display, encoder.encode(password), roles, mustChangePassword);
        StaffUser created = users.find(name).orElseThrow();
        if (systemReason != null) audit.recordSystem("account", name, "create", null, created.view(), systemReason);
        else audit.record("account", name, "create", null, created.view(), null);
        return created;
    }
}
