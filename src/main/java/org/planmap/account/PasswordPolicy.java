package org.planmap.account;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.planmap.system.ApiException;
import org.springframework.http.HttpStatus;

/**
 * What a staff password must be: 12 to 64 characters (at most 72 bytes in UTF-8, bcrypt's limit), at least 5
 * different characters, not containing the username, and not one of the passwords every attacker tries first.
 * Length beats composition rules (NIST SP 800-63B), so there is no "one digit, one symbol" rule.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 64;
    private static final Set<String> COMMON = Set.of("password1234", "123456789012", "qwertyuiopas", "administrator",
            "changeme1234", "welcome12345", "planmap12345", "letmein12345", "passw0rd1234", "iloveyou1234",
            "1q2w3e4r5t6y", "qwerty123456", "admin1234567", "abc123456789", "password123!", "p@ssw0rd1234");

    private PasswordPolicy() { }

    /** Null when acceptable, else why not (English; the field is {@code password}). */
    public static String problem(String username, String password) {
        if (password == null || password.isEmpty()) return "The password is empty";
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) return "The password must have at least " + MIN_LENGTH + " characters";
        if (length > MAX_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > 72) {
            return "The password must have at most " + MAX_LENGTH + " characters (72 bytes)";
        }
        if (password.codePoints().distinct().count() < 5) return "The password must use at least 5 different characters";
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            return "The password must not contain the username";
        }
        if (COMMON.contains(lower)) return "The password is too common";
        return null;
    }

    /** Throws a 400 naming the field when the password is not acceptable. */
    public static void check(String username, String password, String field) {
        String problem = problem(username, password);
        if (problem != null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, problem, field, null).withChinese(chinese(problem));
        }
    }

    private static String chinese(String problem) {
        if (problem.contains("empty")) return "密码不能为空";
        if (problem.contains("at least " + MIN_LENGTH)) return "密码至少需要 " + MIN_LENGTH + " 个字符";
        if (problem.contains("at most")) return "密码最多 " + MAX_LENGTH + " 个字符（72 字节）";
        if (problem.contains("different")) return "密码至少需要 5 个不同的字符";
        if (problem.contains("username")) return "密码不能包含用户名";
        return "密码过于常见";
    }
}
