package org.saferkent.referrals.referral.domain;

import java.util.List;

import org.saferkent.referrals.triage.domain.SubjectRole;

/**
 * What may be known about the subject beyond the service that holds their details: a keyed pseudonym
 * (HMAC of normalised name, date of birth and postcode) and non-identifying attributes.
 */
public record SubjectProfile(SubjectRole role, String pseudonym, String ageBand, Integer age, List<String> vulnerabilities) {
}
