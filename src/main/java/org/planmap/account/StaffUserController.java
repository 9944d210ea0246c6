package org.planmap.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.planmap.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users and roles, for admins ({@code /api/staff/users…}, docs/accounts.md). Every change is audited with the
 * admin as the actor and the reason they typed. There is no delete: an account that should no longer sign in is
 * disabled, so the audit trail keeps naming a real account.
 */
@RestController
@PreAuthorize(Roles.HAS_ADMIN)
public class StaffUserController {
    private final StaffAccounts accounts;

    public StaffUserController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/staff/users")
    List<StaffUser.View> list() {
        return accounts.users().all().stream().map(StaffUser::view).toList();
    }

    /** {@code password} empty or absent: a one-time password is generated; either way the user must change it. */
    public record NewUser(String username, String displayName, List<String> roles, String password) {
        @Override
        public String toString() {
            return "NewUser[" + username + "]";
        }
    }

    /** Creates an account; the answer holds the password this once ({@code oneTimePassword}) when it was generated. */
    @PostMapping("/api/staff/users")
    ResponseEntity<Map<String, Object>> create(@RequestBody NewUser body) {
        if (body == null) throw new ApiException(HttpStatus.BAD_REQUEST, "username is required", "username", null);
        boolean generate = body.password() == null || body.password().isEmpty();
        String password = generate ? StaffAccounts.oneTimePassword() : body.password();
        StaffUser u = accounts.create(body.username(), body.displayName(), Set.copyOf(body.roles() == null ? List.of() : body.roles()),
                password, true);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("user", u.view());
        if (generate) answer.put("oneTimePassword", password);
        return ResponseEntity.status(HttpStatus.CREATED).body(answer);
    }

    public record RolesChange(List<String> roles, String reason) { }

    @PutMapping("/api/staff/users/{username}/roles")
    StaffUser.View roles(@PathVariable String username, @RequestBody RolesChange body) {
        if (body == null || body.roles() == null) throw new ApiException(HttpStatus.BAD_REQUEST, "roles is required", "roles", null);
        return accounts.setRoles(username, Set.copyOf(body.roles()), body.reason()).view();
    }

    public record EnabledChange(Boolean enabled, String reason) { }

    @PutMapping("/api/staff/users/{username}/enabled")
    StaffUser.View enabled(@PathVariable String username, @RequestBody EnabledChange body) {
        if (body == null || body.enabled() == null) throw new ApiException(HttpStatus.BAD_REQUEST, "enabled is required", "enabled", null);
        return accounts.setEnabled(username, body.enabled(), body.reason()).view();
    }

    public record PasswordReset(String password, String reason) {
        @Override
        public String toString() {
            return "PasswordReset[…]";
        }
    }

    /** Sets a new password the user must change at the next sign-in; generated (and answered once) when none is given. */
    @PostMapping("/api/staff/users/{username}/password")
    Map<String, Object> resetPassword(@PathVariable String username, @RequestBody(required = false) PasswordReset body) {
        String given = body == null ? null : body.password();
        String password = accounts.resetPassword(username, given, body == null ? null : body.reason());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("user", accounts.existing(username).view());
        if (given == null || given.isEmpty()) answer.put("oneTimePassword", password);
        return answer;
    }

    public record Reason(String reason) { }

    @PostMapping("/api/staff/users/{username}/unlock")
    StaffUser.View unlock(@PathVariable String username, @RequestBody(required = false) Reason body) {
        return accounts.unlock(username, body == null ? null : body.reason()).view();
    }
}
