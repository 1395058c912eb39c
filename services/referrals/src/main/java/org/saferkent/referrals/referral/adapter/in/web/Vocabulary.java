package org.saferkent.referrals.referral.adapter.in.web;

import java.util.function.Predicate;

import org.saferkent.referrals.referral.domain.Category;
import org.saferkent.referrals.referral.domain.District;
import org.saferkent.referrals.referral.domain.Pathway;
import org.saferkent.referrals.triage.domain.SubjectRole;

/**
 * What a referral's coded fields are chosen from, what a problem says of a value that is not, and the longest value
 * looked at (a longer one is left to the field's {@code @Size}: no lookup or pattern runs over more than a few
 * characters).
 */
public enum Vocabulary {
    DISTRICT(code -> District.fromCode(code).isPresent(), "is not one of Kent's 12 districts", ReferralRequest.MAX_CODE),
    CATEGORY(Category::isKnown, "is not a police.uk category or a recognised flag", ReferralRequest.MAX_CODE),
    FLAG(Category.FLAGS::contains, "is not one of " + Category.FLAGS, Integer.MAX_VALUE),
    SUBJECT_ROLE(code -> SubjectRole.fromCode(code).isPresent(), "must be victim, offender, vulnerable-person or family",
            ReferralRequest.MAX_CODE),
    VULNERABILITY(ReferralRequest.VULNERABILITIES::contains, "is not one of " + ReferralRequest.VULNERABILITIES, Integer.MAX_VALUE),
    /** A long code is simply not a pathway. */
    PATHWAY(code -> code.length() <= ReferralRequest.MAX_CODE && Pathway.fromCode(code).isPresent(), "is not a known pathway",
            Integer.MAX_VALUE),
    POSTCODE(code -> code.replaceAll("\\s", "").matches("(?i)[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}"), "is not a UK postcode",
            ReferralRequest.MAX_POSTCODE),
    EMAIL(ReferralRequest::isEmailAddress, "is not an email address", ReferralRequest.MAX_EMAIL);

    private final Predicate<String> known;
    private final String refusal;
    private final int longest;

    Vocabulary(Predicate<String> known, String refusal, int longest) {
        this.known = known;
        this.refusal = refusal;
        this.longest = longest;
    }

    /** Whether {@code value} is one of it; a value too long to look at is the length's problem, not this one's. */
    boolean accepts(String value) {
        return value.length() > longest || known.test(value);
    }

    String refusal() {
        return refusal;
    }
}
