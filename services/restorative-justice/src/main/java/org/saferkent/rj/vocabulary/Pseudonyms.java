package org.saferkent.rj.vocabulary;

import java.util.regex.Pattern;

/**
 * People are known here only by the partnership's keyed pseudonym (HMAC-SHA256, hex), never by name:
 * anything else posted as a "pseudonym" is refused, so a name cannot slip onto the bus that way.
 */
public final class Pseudonyms {

    private static final Pattern KEYED = Pattern.compile("[0-9a-f]{64}");

    private Pseudonyms() {
    }

    public static boolean isKeyed(String value) {
        return value != null && KEYED.matcher(value).matches();
    }
}
