package org.planmap.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** The loop gives Spring Security's answer, the regular expressions', for every code point and for mixed strings. */
class FirewallCharactersTests {

    @Test
    void everyCodePointIsJudgedAsSpringSecurityJudgesIt() {
        List<String> disagreements = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String s = new String(Character.toChars(cp));
            if (FirewallCharacters.assignedAndNotControl(s) != StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(s)
                    || FirewallCharacters.headerValue(s) != StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(s)
                    || FirewallCharacters.assignedAndNotControl(s) != StrictHttpFirewall.ALLOWED_PARAMETER_NAMES.test(s)) {
                disagreements.add(Integer.toHexString(cp));
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void stringsMixingAllowedAndRefusedCharactersAreJudgedAlike() {
        Random random = new Random(14);
        int[] pool = {'a', 'Z', '-', ' ', '\t', '\n', '\r', 0, 0x7f, 0x85, 0x378, 0xe9, 0x6c99, 0xd800, 0xdc00, 0x1f600, 0x10ffff, 0xe0001};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(6); i >= 0; i--) b.appendCodePoint(pool[random.nextInt(pool.length)]);
            String s = b.toString();
            assertThat(FirewallCharacters.assignedAndNotControl(s)).as("name %s", s.codePoints().boxed().toList())
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(s));
            assertThat(FirewallCharacters.headerValue(s)).as("value %s", s.codePoints().boxed().toList())
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(s));
        }
        assertThat(FirewallCharacters.assignedAndNotControl("")).isTrue();
        assertThat(FirewallCharacters.headerValue("text/html;\tq=0.9")).isTrue();
        assertThat(FirewallCharacters.assignedAndNotControl("X-Forwarded-Host\n")).isFalse();
    }
}
