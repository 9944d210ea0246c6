package org.planmap.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {
    @Test
    void refusesEmptyShortRepetitiveCommonAndUsernamePasswords() {
        assertThat(PasswordPolicy.problem("anna", "")).contains("empty");
        assertThat(PasswordPolicy.problem("anna", null)).contains("empty");
        assertThat(PasswordPolicy.problem("anna", "short-pw1")).contains("at least 12");
        assertThat(PasswordPolicy.problem("anna", "aaaaabbbbbbbbbb")).contains("5 different");
        assertThat(PasswordPolicy.problem("anna", "Password1234")).contains("too common");
        assertThat(PasswordPolicy.problem("anna", "xx-ANNA-river-2035")).contains("username");
        assertThat(PasswordPolicy.problem("anna", "x".repeat(30) + "长".repeat(20) + "abcd")).contains("at most");
    }

    @Test
    void acceptsALongPassphrase() {
        assertThat(PasswordPolicy.problem("anna", "jialing river at dusk")).isNull();
        assertThat(PasswordPolicy.problem("anna", "沙坪坝区规划图2035年")).isNull();
    }
}
