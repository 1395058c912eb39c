package org.saferkent.rj;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Fresh keyed pseudonyms for the integration tests, so that no two tests share a person. */
final class People {

    private static final SecureRandom RANDOM = new SecureRandom();

    private People() {
    }

    static String pseudonym() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
