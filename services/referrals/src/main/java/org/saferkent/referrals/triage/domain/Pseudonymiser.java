package org.saferkent.referrals.triage.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
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
 * pseudonym, so the secret rotates: new pseudonyms use the current secret, and {@link #previousPseudonyms}
 * gives what the previous secrets made of the same identifiers, for linking a subject's earlier records.
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
    private final List<SecretKeySpec> previousKeys;

    public Pseudonymiser(byte[] secret) {
        this(secret, List.of());
    }

    /**
     * @param secret   the current secret: every new pseudonym
     * @param previous secrets used before, newest first: only to recognise subjects recorded under them
     */
    public Pseudonymiser(byte[] secret, List<byte[]> previous) {
        this.key = keyOf(secret);
        this.previousKeys = previous.stream().map(Pseudonymiser::keyOf).toList();
        newMac(key); // fail now, not on the first referral, if the platform lacks HmacSHA256
    }

    private static SecretKeySpec keyOf(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MINIMUM_SECRET_BYTES) {
            throw new IllegalArgumentException("the pseudonym secret must be at least " + MINIMUM_SECRET_BYTES
                    + " bytes, was " + secret.length);
        }
        return new SecretKeySpec(secret, ALGORITHM); // copies the array
    }

    /**
     * @param postcode {@code null} or empty when none is recorded (no fixed abode, or unknown); both give the same
     *                 pseudonym
     * @throws IllegalArgumentException if the name is blank
     */
    public String pseudonym(String name, LocalDate dateOfBirth, String postcode) {
        return pseudonym(key, message(name, dateOfBirth, postcode));
    }

    /** The same subject's pseudonyms under each previous secret, newest first (empty when none is configured). */
    public List<String> previousPseudonyms(String name, LocalDate dateOfBirth, String postcode) {
        byte[] message = message(name, dateOfBirth, postcode);
        return previousKeys.stream().map(k -> pseudonym(k, message)).toList();
    }

    private static byte[] message(String name, LocalDate dateOfBirth, String postcode) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        String normalisedName = normaliseName(name);
        if (normalisedName.isEmpty()) {
            throw new IllegalArgumentException("a pseudonym needs a name");
        }
        return (normalisedName + SEPARATOR + dateOfBirth + SEPARATOR + normalisePostcode(postcode)).getBytes(StandardCharsets.UTF_8);
    }

    private static String pseudonym(SecretKeySpec key, byte[] message) {
        return HEX.formatHex(newMac(key).doFinal(message));
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

    private static Mac newMac(SecretKeySpec key) {
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
        return "Pseudonymiser[" + ALGORITHM + ", secret=<redacted>, previous secrets: " + previousKeys.size() + "]";
    }
}
