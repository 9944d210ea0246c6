package org.planmap.account;

/**
 * The character rules of Spring Security's {@code StrictHttpFirewall} for header names, header values and parameter
 * names, checked by a loop over the code points instead of its regular expressions
 * ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, and for values also the tab). The firewall checks a header's name
 * every time anything reads a header, names the app itself asks for included; with the regular expressions those
 * checks were a tenth of a single OGC item's time (bench/README.md, "OGC API speed under load"). The rule is the
 * same: FirewallCharactersTests compares both on every code point.
 */
final class FirewallCharacters {
    private FirewallCharacters() {
    }

    /** Every code point assigned in Unicode and none a control character (Cc). */
    static boolean assignedAndNotControl(String s) {
        return allowed(s, false);
    }

    /** As {@link #assignedAndNotControl}, and the horizontal tab is allowed (header values). */
    static boolean headerValue(String s) {
        return allowed(s, true);
    }

    private static boolean allowed(String s, boolean tab) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int type = Character.getType(cp);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tab && cp == '\t')) return false;
            i += Character.charCount(cp);
        }
        return true;
    }
}
