package org.saferkent.referrals.triage.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a subject's name, date of birth and postcode into a keyed pseudonym, so that referrals about the same
 * person can be matched without raw personal data travelling on the bus (DOMAIN: "Subjects are matched by a
 * keyed pseudonym").
 *
 * <p>The pseudonym is HMAC-SHA256 over {@code name US dateOfBirth US postcode} (US = U+001F, the unit separator,
 * which normalisation guarantees cannot occur inside a field), encoded as 64 lower-case hex characters.
 * Without the secret the pseudonym cannot be recomputed from a guessed name, so the secret must come from a
 * secret store and be at least 32 bytes (the HMAC-SHA256 output size). Changing the secret changes every
 * pseudonym.
 *
 * <p>Thread-safe: a {@link Mac} is created per call. The secret is never shown by {@link #toString()}.
 */
public final class Pseudonymiser {

    public static final int MINIMUM_SECRET_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final char SEPARATOR = '\u001F';
    // \p{javaWhitespace} covers U+001C..U+001F, so the separator is removed from every field; \p{Z} adds
    // no-break and other Unicode spaces that Character.isWhitespace leaves out.
    private static final Pattern WHITESPACE = Pattern.compile("[\\p{javaWhitespace}\\p{Z}]+");
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;

    public Pseudonymiser(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MINIMUM_SECRET_BYTES) {
            throw new IllegalArgumentException("the pseudonym secret must be at least " + MINIMUM_SECRET_BYTES
                    + " bytes, was " + secret.length);
        }
        this.key = new SecretKeySpec(secret, ALGORITHM); // copies the array
        newMac(); // fail now, not on the first referral, if the platform lacks HmacSHA256
    }

    /**
     * @param postcode {@code null} or empty when none is recorded (no fixed abode, or unknown); both give the same
     *                 pseudonym
     * @throws IllegalArgumentException if the name is blank
     */
    public String pseudonym(String name, LocalDate dateOfBirth, String postcode) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        String normalisedName = normaliseName(name);
        if (normalisedName.isEmpty()) {
            throw new IllegalArgumentException("a pseudonym needs a name");
        }
        String message = normalisedName + SEPARATOR + dateOfBirth + SEPARATOR + normalisePostcode(postcode);
        return HEX.formatHex(newMac().doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    /** Unicode NFKC, lower case (Locale.ROOT), trimmed, runs of whitespace collapsed to one space. */
    public static String normaliseName(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return WHITESPACE.matcher(folded).replaceAll(" ").strip();
    }

    /** Unicode NFKC, all whitespace removed, upper case (Locale.ROOT): "me14 1xx" becomes "ME141XX"; none is "". */
    public static String normalisePostcode(String postcode) {
        if (postcode == null) {
            return "";
        }
        String folded = Normalizer.normalize(postcode, Normalizer.Form.NFKC);
        return WHITESPACE.matcher(folded).replaceAll("").toUpperCase(Locale.ROOT);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }

    @Override
    public String toString() {
        return "Pseudonymiser[" + ALGORITHM + ", secret=<redacted>]";
    }
}
