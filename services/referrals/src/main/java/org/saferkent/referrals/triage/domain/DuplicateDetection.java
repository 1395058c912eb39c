package org.saferkent.referrals.triage.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Links a referral to one another agency already made for the same subject and incident, so it is not double
 * counted (Kent Community Safety Framework: avoid "duplication and partnership overload"). The same incident
 * means the same crime reference, or the same category within a window. A second referral from the same agency
 * is that agency's own business and never a duplicate here.
 */
public final class DuplicateDetection {

    private static final Pattern WHITESPACE = Pattern.compile("[\\p{javaWhitespace}\\p{Z}]+");

    private DuplicateDetection() {
    }

    /**
     * @param crimeReference          the new referral's crime reference, or {@code null}
     * @param priorReferralsOfSubject the subject's primary referrals only (matched by pseudonym by the caller)
     * @return the earliest-received prior referral this one duplicates (the first listed, if several arrived at
     *         the same instant), or empty
     */
    public static Optional<PriorReferral> firstReferralDuplicated(String agency, String crimeReference,
            String category, Instant receivedAt, List<PriorReferral> priorReferralsOfSubject, DuplicateRules rules) {
        return firstReferralDuplicated(agency, crimeReference, category, List.of(), receivedAt, priorReferralsOfSubject, rules);
    }

    /**
     * The same incident is the same crime reference, or, when the two do not carry different crime references,
     * the same code within the window: a category or a flag of one is the category or a flag of the other (one
     * agency's "domestic-abuse" is another's "violent-crime" flagged "domestic-abuse"). Two different crime
     * references are two incidents, whatever their codes.
     *
     * @param flags the new referral's flags
     */
    public static Optional<PriorReferral> firstReferralDuplicated(String agency, String crimeReference,
            String category, List<String> flags, Instant receivedAt, List<PriorReferral> priorReferralsOfSubject,
            DuplicateRules rules) {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(priorReferralsOfSubject, "priorReferralsOfSubject");
        Objects.requireNonNull(rules, "rules");

        String reference = normaliseCrimeReference(crimeReference);
        Set<String> codes = codes(category, flags);
        return priorReferralsOfSubject.stream()
                .filter(prior -> !sameCode(prior.agency(), agency))
                .filter(prior -> sameCrimeReference(reference, prior)
                        || (!differentCrimeReferences(reference, prior)
                                && sameCodeWithinWindow(codes, receivedAt, prior, rules.sameCategoryWindow())))
                .min(Comparator.comparing(PriorReferral::receivedAt)); // Stream.min keeps the first of equals
    }

    /** Trimmed, upper case, spaces removed: " 46/12345/25 " and "46/12345/25" are one reference. Blank is none. */
    public static String normaliseCrimeReference(String crimeReference) {
        if (crimeReference == null) {
            return "";
        }
        return WHITESPACE.matcher(crimeReference).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /** Whether two crime references are the same one (as {@link #normaliseCrimeReference} writes them); none is never the same. */
    public static boolean sameCrimeReference(String a, String b) {
        String reference = normaliseCrimeReference(a);
        return !reference.isEmpty() && reference.equals(normaliseCrimeReference(b));
    }

    private static boolean sameCrimeReference(String reference, PriorReferral prior) {
        return sameCrimeReference(reference, prior.crimeReference());
    }

    private static boolean differentCrimeReferences(String reference, PriorReferral prior) {
        String other = normaliseCrimeReference(prior.crimeReference());
        return !reference.isEmpty() && !other.isEmpty() && !reference.equals(other);
    }

    private static boolean sameCodeWithinWindow(Set<String> codes, Instant receivedAt, PriorReferral prior, Duration window) {
        return codes(prior.category(), prior.flags()).stream().anyMatch(codes::contains)
                && Duration.between(prior.receivedAt(), receivedAt).abs().compareTo(window) <= 0;
    }

    private static Set<String> codes(String category, List<String> flags) {
        Set<String> codes = new HashSet<>();
        codes.add(category.strip().toLowerCase(Locale.ROOT));
        if (flags != null) {
            flags.stream().filter(Objects::nonNull).forEach(flag -> codes.add(flag.strip().toLowerCase(Locale.ROOT)));
        }
        return codes;
    }

    private static boolean sameCode(String a, String b) {
        return a.strip().equalsIgnoreCase(b.strip());
    }
}
