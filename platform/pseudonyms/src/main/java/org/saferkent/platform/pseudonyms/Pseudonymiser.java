package org.saferkent.platform.pseudonyms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a person's name, date of birth and postcode into the partnership's keyed pseudonym, so that what
 * agencies send about the same person (referrals, youth justice disposals) can be matched without raw
 * personal data travelling on the bus or being stored (DOMAIN: "Subjects are matched by a keyed pseudonym").
 * One class for every service that keys people, so they all key them alike.
 *
 * <p>Names are normalised before keying ({@link #normaliseName}): case, spacing, punctuation (apostrophes
 * straight or curly, hyphens, full stops), diacritics and title words, so "Mrs O'Brien-Kelly" and
 * "o’brien kelly" are one person. Postcodes lose their spaces and are upper-cased.
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
    /**
     * The secret published in the services' configuration for the embedded local stack and the tests: a service
     * refuses it unless its development defaults are on. Every service that keys people has the same one, so
     * they key them alike there too.
     */
    public static final String DEVELOPMENT_SECRET = "local-development-only-pseudonym-secret-0123456789";

    private static final String ALGORITHM = "HmacSHA256";
    private static final char SEPARATOR = '\u001F';
    // \p{javaWhitespace} covers U+001C..U+001F, so the separator is removed from every field; \p{Z} adds
    // no-break and other Unicode spaces that Character.isWhitespace leaves out.
    private static final Pattern WHITESPACE = Pattern.compile("[\\p{javaWhitespace}\\p{Z}]+");
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    /** ASCII and typographic apostrophes, and the accents and primes typed for one. */
    private static final String APOSTROPHES = "'\u2018\u2019\u201B\u02BC\u02BB\u0060\u00B4\u2032";
    private static final Pattern APOSTROPHE = Pattern.compile("[" + APOSTROPHES + "]");
    /** Letters that do not decompose into a base letter and a mark. */
    private static final Map<Character, String> FOLDED_LETTERS = Map.ofEntries(Map.entry('ß', "ss"), Map.entry('æ', "ae"),
            Map.entry('œ', "oe"), Map.entry('ø', "o"), Map.entry('đ', "d"), Map.entry('ð', "d"), Map.entry('ł', "l"),
            Map.entry('þ', "th"), Map.entry('ı', "i"));
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "rev", "sir", "dame",
            "master");

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

    /**
     * From a service's configuration: the current secret and the previous ones (newest first; blank entries are
     * left out), each at least {@value #MINIMUM_SECRET_BYTES} bytes of UTF-8.
     *
     * @param property the current secret's property, named in what is refused ({@code saferkent.rj.pseudonym-secret})
     * @throws IllegalStateException naming the property, when a secret is missing or short
     */
    public static Pseudonymiser configured(String property, String secret, List<String> previousSecrets) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MINIMUM_SECRET_BYTES) {
            throw new IllegalStateException(property + " must be set to at least " + MINIMUM_SECRET_BYTES + " bytes");
        }
        List<String> previous = previousSecrets == null ? List.of()
                : previousSecrets.stream().filter(s -> s != null && !s.isBlank()).toList();
        if (previous.stream().anyMatch(s -> s.getBytes(StandardCharsets.UTF_8).length < MINIMUM_SECRET_BYTES)) {
            throw new IllegalStateException("every previous secret of " + property + " must be at least "
                    + MINIMUM_SECRET_BYTES + " bytes");
        }
        return new Pseudonymiser(secret.getBytes(StandardCharsets.UTF_8),
                previous.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList());
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

    /**
     * What the same person was keyed as before, for linking their earlier records, newest first: under each
     * previous secret, and under the current and previous secrets with the earlier name normalisation (case and
     * spacing only, before punctuation, diacritics and titles were folded). Never the current pseudonym; empty
     * when nothing differs.
     */
    public List<String> previousPseudonyms(String name, LocalDate dateOfBirth, String postcode) {
        byte[] message = message(name, dateOfBirth, postcode);
        byte[] earlier = message(earlierName(name), dateOfBirth, postcode, true);
        Set<String> previous = new LinkedHashSet<>();
        previous.add(pseudonym(key, earlier));
        previousKeys.forEach(k -> {
            previous.add(pseudonym(k, message));
            previous.add(pseudonym(k, earlier));
        });
        previous.remove(pseudonym(key, message));
        return List.copyOf(previous);
    }

    /**
     * The person's link key: their normalised name and date of birth alone, keyed with the same secret, so that one
     * person posted from two addresses (a young person who moves) is recognised as one. Never a pseudonym: the
     * message is domain-separated ({@code "person"} first), so no pseudonym, with or without a postcode, equals it.
     * Weaker than the pseudonym (two people can share a name and date of birth), so it is kept only beside a
     * pseudonym, by the service that links with it, and never published. Current secret first, then the previous ones.
     *
     * @throws IllegalArgumentException if the name is blank
     */
    public List<String> personKeys(String name, LocalDate dateOfBirth) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        String normalised = normaliseName(name);
        if (normalised.isEmpty()) {
            throw new IllegalArgumentException("a person key needs a name");
        }
        return keys("person" + SEPARATOR + normalised + SEPARATOR + dateOfBirth);
    }

    /**
     * A Police National Computer ID, keyed (domain-separated: {@code "pnc"} first) so that it links a person's records
     * without being kept in clear: {@link #normalisePncId normalised} first, so "2019/0012345x" and "2019/12345X" are
     * one ID. Current secret first, then the previous ones.
     *
     * @throws IllegalArgumentException if the ID is blank
     */
    public List<String> pncKeys(String pncId) {
        String normalised = normalisePncId(pncId);
        if (normalised.isEmpty()) {
            throw new IllegalArgumentException("a PNC key needs a PNC ID");
        }
        return keys("pnc" + SEPARATOR + normalised);
    }

    /**
     * An NHS number, keyed (domain-separated: {@code "nhs"} first) so that it links a person's records without being kept
     * in clear: its digits only, so "943 476 5919" and "9434765919" are one number. Current secret first, then the
     * previous ones.
     *
     * @throws IllegalArgumentException if the number has no digits
     */
    public List<String> nhsKeys(String nhsNumber) {
        String digits = nhsNumber == null ? "" : nhsNumber.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("an NHS key needs an NHS number");
        }
        return keys("nhs" + SEPARATOR + digits);
    }

    /** Whitespace removed, upper case (Locale.ROOT), the serial number's leading zeros dropped: "2019/0012345x" is "2019/12345X". */
    public static String normalisePncId(String pncId) {
        if (pncId == null) {
            return "";
        }
        String folded = WHITESPACE.matcher(Normalizer.normalize(pncId, Normalizer.Form.NFKC)).replaceAll("").toUpperCase(Locale.ROOT);
        int slash = folded.indexOf('/');
        if (slash < 0) {
            return folded;
        }
        String serial = folded.substring(slash + 1).replaceFirst("^0+(?=[0-9])", "");
        return folded.substring(0, slash + 1) + serial;
    }

    private List<String> keys(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        Set<String> keys = new LinkedHashSet<>();
        keys.add(pseudonym(key, bytes));
        previousKeys.forEach(k -> keys.add(pseudonym(k, bytes)));
        return List.copyOf(keys);
    }

    private static byte[] message(String name, LocalDate dateOfBirth, String postcode) {
        Objects.requireNonNull(name, "name");
        return message(normaliseName(name), dateOfBirth, postcode, false);
    }

    private static byte[] message(String normalisedName, LocalDate dateOfBirth, String postcode, boolean earlier) {
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        if (normalisedName.isEmpty() && !earlier) {
            throw new IllegalArgumentException("a pseudonym needs a name");
        }
        return (normalisedName + SEPARATOR + dateOfBirth + SEPARATOR + normalisePostcode(postcode)).getBytes(StandardCharsets.UTF_8);
    }

    private static String pseudonym(SecretKeySpec key, byte[] message) {
        return HEX.formatHex(newMac(key).doFinal(message));
    }

    /**
     * The name as it is keyed: Unicode compatibility forms folded (NFKC), diacritics removed ("é" is "e",
     * "ß" is "ss", "ø" is "o"), lower case (Locale.ROOT), apostrophes (straight, curly, modifier, grave and
     * acute accents typed for one) removed, any other punctuation (hyphens, full stops, commas) a space,
     * title words (Mr, Mrs, Ms, Miss, Mx, Dr, Prof, Rev, Sir, Dame, Master) dropped unless the name is nothing
     * else, whitespace collapsed to one space and trimmed. "Mrs O'Brien-Kelly" and "o’brien kelly" are both
     * "obrien kelly"; a name of punctuation only is "".
     */
    public static String normaliseName(String name) {
        // apostrophes go first: NFKC would turn an acute accent typed for one into a space and a mark
        String unquoted = APOSTROPHE.matcher(name).replaceAll("");
        String decomposed = Normalizer.normalize(Normalizer.normalize(unquoted, Normalizer.Form.NFKC), Normalizer.Form.NFD);
        String folded = COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        StringBuilder letters = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            String unfolded = FOLDED_LETTERS.get(c);
            if (unfolded != null) {
                letters.append(unfolded);
            } else if (APOSTROPHES.indexOf(c) >= 0) {
                continue;
            } else if (Character.isLetterOrDigit(c)) {
                letters.append(c);
            } else {
                letters.append(' ');
            }
        }
        List<String> words = List.of(WHITESPACE.split(letters.toString().strip()));
        List<String> named = words.stream().filter(word -> !TITLES.contains(word)).toList();
        return String.join(" ", named.isEmpty() ? words : named).strip();
    }

    /** The normalisation before issue 17 (NFKC, lower case, whitespace collapsed): only to find earlier records. */
    private static String earlierName(String name) {
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
