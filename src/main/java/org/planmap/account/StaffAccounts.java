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

    /** A one-time password an admin hands over: 16 characters a person can type, 95 bits. */
    public static String oneTimePassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) b.append('-');
            b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** The signed-in user changes their own password, proving the current one. */
    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        StaffUser u = existing(username);
        if (currentPassword == null || u.passwordHash() == null || !encoder.matches(currentPassword, u.passwordHash())) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "The current password is wrong", "currentPassword", null)
                    .withChinese("当前密码错误");
        }
        PasswordPolicy.check(u.username(), newPassword, "newPassword");
        if (encoder.matches(newPassword, u.passwordHash())) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "The new password must differ from the current one", "newPassword", null)
                    .withChinese("新密码不能与当前密码相同");
        }
        users.setPassword(u.username(), encoder.encode(newPassword), false);
        audit.record("account", u.username(), "password-change", null, null, null);
    }

    /** An admin sets a new password: the given one, or a generated one-time password (returned once). */
    @Transactional
    public String resetPassword(String username, String password, String reason) {
        StaffUser u = existing(username);
        boolean generated = password == null || password.isEmpty();
        String secret = generated ? oneTimePassword() : password;
        if (!generated) PasswordPolicy.check(u.username(), secret, "password");
        users.setPassword(u.username(), encoder.encode(secret), true);
        audit.record("account", u.username(), "password-reset", null, null, reason);
        return secret;
    }

    @Transactional
    public StaffUser setRoles(String username, java.util.Set<String> roles, String reason) {
        StaffUser u = existing(username);
        java.util.Set<String> parsed = new java.util.LinkedHashSet<>();
        for (String r : roles) {
            String role = Roles.parse(r);
            if (role == null) throw new ApiException(HttpStatus.BAD_REQUEST, "Roles are EDITOR, MODERATOR and ADMIN", "roles", r);
            parsed.add(role);
        }
        if (u.roles().contains(Roles.ADMIN) && !parsed.contains(Roles.ADMIN)) keepAnAdmin(u);
        users.setRoles(u.username(), parsed);
        StaffUser after = existing(username);
        audit.record("account", u.username(), "roles", java.util.Map.of("roles", u.view().roles()),
                java.util.Map.of("roles", after.view().roles()), reason);
        return after;
    }

    @Transactional
    public StaffUser setEnabled(String username, boolean enabled, String reason) {
        StaffUser u = existing(username);
        if (!enabled && u.username().equals(AuditTrail.signedInUser())) {
            throw new ApiException(HttpStatus.CONFLICT, "You cannot disable your own account", "enabled", "false")
                    .withChinese("不能停用自己的账号");
        }
        if (!enabled && u.roles().contains(Roles.ADMIN)) keepAnAdmin(u);
        if (u.enabled() == enabled) return u;
        users.setEnabled(u.username(), enabled);
        audit.record("account", u.username(), enabled ? "enable" : "disable", java.util.Map.of("enabled", u.enabled()),
                java.util.Map.of("enabled", enabled), reason);
        return existing(username);
    }

    @Transactional
    public StaffUser unlock(String username, String reason) {
        StaffUser u = existing(username);
        users.unlock(u.username());
        audit.record("account", u.username(), "unlock", null, null, reason);
        return existing(username);
    }

    public StaffUser existing(String username) {
        return users.find(username).orElseThrow(() -> ApiException.notFound("Account", username));
    }

    /** Refuses a change that would leave no enabled admin (nobody could manage accounts any more). */
    private void keepAnAdmin(StaffUser losing) {
        boolean another = users.all().stream().anyMatch(x -> x.enabled() && x.roles().contains(Roles.ADMIN)
                && !x.username().equals(losing.username()));
        if (!another) {
            throw new ApiException(HttpStatus.CONFLICT, "This is the last enabled admin: make another admin first", "roles", null)
                    .withChinese("这是最后一个启用的管理员：请先指定另一位管理员");
        }
    }
}
