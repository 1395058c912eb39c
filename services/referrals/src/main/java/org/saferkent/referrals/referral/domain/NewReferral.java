package org.saferkent.referrals.referral.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.saferkent.referrals.triage.domain.SubjectRole;

/**
 * A validated request for a new referral; {@code receivedByAgencyAt} is when the agency had the victim's details;
 * {@code nhsNumber}, when the agency gave one, is only keyed to link the person's history and never kept in clear.
 */
public record NewReferral(
        String agency,
        String agencyReference,
        District district,
        String category,
        List<String> flags,
        String asbType,
        SubjectRole role,
        PersonalDetails personal,
        List<String> vulnerabilities,
        String crimeReference,
        LocalDate incidentDate,
        List<Pathway> requestedPathways,
        Consent consent,
        Dash dash,
        boolean victimOptedOut,
        Instant receivedByAgencyAt,
        String nhsNumber) {

    /** A referral without the subject's NHS number (optional: a strong identifier where the agency has it). */
    public NewReferral(String agency, String agencyReference, District district, String category, List<String> flags,
            String asbType, SubjectRole role, PersonalDetails personal, List<String> vulnerabilities, String crimeReference,
            LocalDate incidentDate, List<Pathway> requestedPathways, Consent consent, Dash dash, boolean victimOptedOut,
            Instant receivedByAgencyAt) {
        this(agency, agencyReference, district, category, flags, asbType, role, personal, vulnerabilities, crimeReference,
                incidentDate, requestedPathways, consent, dash, victimOptedOut, receivedByAgencyAt, null);
    }

    /** Domestic abuse, whether as the category or as a flag on another category. */
    public boolean isDomesticAbuse() {
        return "domestic-abuse".equals(category) || flags.contains("domestic-abuse");
    }

    @Override
    public String toString() {
        return "NewReferral[" + agency + ", " + district + ", " + category + "]"; // never the subject's details
    }
}
