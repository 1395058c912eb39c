package org.saferkent.referrals.referral.adapter.in.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.saferkent.platform.service.InvalidRequestException;
import org.saferkent.platform.service.ProblemResponses.FieldProblem;
import org.saferkent.referrals.referral.domain.Agency;
import org.saferkent.referrals.referral.domain.Category;
import org.saferkent.referrals.referral.domain.Consent;
import org.saferkent.referrals.referral.domain.Dash;
import org.saferkent.referrals.referral.domain.District;
import org.saferkent.referrals.referral.domain.NewReferral;
import org.saferkent.referrals.referral.domain.Pathway;
import org.saferkent.referrals.referral.domain.PersonalDetails;
import org.saferkent.referrals.triage.domain.DashChecklist;
import org.saferkent.referrals.triage.domain.SubjectRole;

/**
 * A referral as an agency posts it. {@code pathway} (one) or {@code pathways} (several) name where
 * the agency asks it to go; triage may add more. {@code receivedByAgencyAt} is when the agency received
 * the victim's details (Victims' Code clocks run from it); left out, it is the moment of posting.
 */
public record ReferralRequest(
        String agency,
        String agencyReference,
        String district,
        String category,
        List<String> flags,
        String asbType,
        SubjectRequest subject,
        String crimeReference,
        LocalDate incidentDate,
        String pathway,
        List<String> pathways,
        ConsentRequest consent,
        DashRequest dash,
        Boolean victimOptedOut,
        String narrative,
        Instant receivedByAgencyAt) {

    /** The person referred. Personal data: kept apart, never on the bus. */
    public record SubjectRequest(String role, String name, LocalDate dateOfBirth, String postcode, String phone,
            String email, String address, List<String> vulnerabilities) {

        @Override
        public String toString() {
            return "SubjectRequest[redacted]";
        }
    }

    /** Consent given (with date and by whom), or a lawful override with its basis and reason. */
    public record ConsentRequest(Boolean given, LocalDate recordedOn, String recordedBy, OverrideRequest override) {
    }

    public record OverrideRequest(String basis, String reason) {
    }

    public record DashRequest(String checklist, List<Boolean> answers, String professionalJudgement) {
    }

    static final Set<String> ASB_TYPES = Set.of("personal", "nuisance", "environmental");
    static final Set<String> VULNERABILITIES = Set.of("mental-disorder", "impaired-intelligence", "impaired-social-functioning",
            "physical-disability", "intimidated", "persistently-targeted", "bereaved", "repeat-victim");
    static final Set<String> JUDGEMENTS = Set.of("standard", "medium", "high");
    private static final int MAX_TEXT = 200;
    private static final int MAX_NARRATIVE = 10_000;
    /** A code (district, category, role, pathway...): longer than any known one is refused before it is looked up. */
    private static final int MAX_CODE = 50;
    /** RFC 5321's limit on a forward path. */
    static final int MAX_EMAIL = 254;
    private static final int MAX_POSTCODE = 16;
    private static final int MAX_FLAGS = 10;
    private static final int MAX_PATHWAYS = 10;
    private static final int MAX_ANSWERS = 27;
    private static final ZoneId KENT = ZoneId.of("Europe/London");

    @Override
    public String toString() {
        return "ReferralRequest[" + agency + ", " + district + ", " + category + "]";
    }

    /**
     * Checks every field against the moment of posting (dates against that day in Kent) and reports
     * everything that is wrong at once. The agency is the one the caller's token speaks for: the body may
     * leave it out, and may not name another.
     */
    NewReferral validate(Instant now, String callerAgency) {
        LocalDate today = LocalDate.ofInstant(now, KENT);
        Problems problems = new Problems();
        if (agency != null && !agency.equals(callerAgency)) {
            problems.add("agency", "must be the agency you are authenticated as, or left out");
        }
        String agency = callerAgency;
        if (!Agency.isKnown(agency)) {
            problems.add("agency", "is not a registered Kent partner agency");
        }
        if (agencyReference != null && (agencyReference.isBlank() || agencyReference.length() > 100)) {
            problems.add("agencyReference", "must be 1 to 100 characters");
        }
        District validDistrict = null;
        if (problems.required("district", district) && problems.maxLength("district", district, MAX_CODE)) {
            validDistrict = District.fromCode(district).orElse(null);
            if (validDistrict == null) {
                problems.add("district", "is not one of Kent's 12 districts");
            }
        }
        if (problems.required("category", category) && problems.maxLength("category", category, MAX_CODE)
                && !Category.isKnown(category)) {
            problems.add("category", "is not a police.uk category or a recognised flag");
        }
        List<String> validFlags = problems.maxSize("flags", flags, MAX_FLAGS) ? flags : List.of();
        for (int i = 0; i < validFlags.size(); i++) {
            if (!Category.FLAGS.contains(validFlags.get(i))) {
                problems.add("flags[" + i + "]", "is not one of " + Category.FLAGS);
            }
        }
        if ("anti-social-behaviour".equals(category)) {
            if (asbType == null) {
                problems.add("asbType", "is required for anti-social behaviour (personal, nuisance or environmental)");
            } else if (asbType.length() > MAX_CODE || !ASB_TYPES.contains(asbType)) {
                problems.add("asbType", "must be personal, nuisance or environmental");
            }
        } else if (asbType != null) {
            problems.add("asbType", "applies only to anti-social-behaviour");
        }
        SubjectRole role = null;
        PersonalDetails personal = null;
        List<String> vulnerabilities = List.of();
        if (subject == null) {
            problems.add("subject", "is required");
        } else {
            if (problems.required("subject.role", subject.role()) && problems.maxLength("subject.role", subject.role(), MAX_CODE)) {
                role = SubjectRole.fromCode(subject.role()).orElse(null);
                if (role == null) {
                    problems.add("subject.role", "must be victim, offender, vulnerable-person or family");
                }
            }
            if (problems.required("subject.name", subject.name()) && subject.name().length() > MAX_TEXT) {
                problems.add("subject.name", "must be at most " + MAX_TEXT + " characters");
            }
            if (subject.dateOfBirth() == null) {
                problems.add("subject.dateOfBirth", "is required");
            } else if (subject.dateOfBirth().isAfter(today)) {
                problems.add("subject.dateOfBirth", "is in the future");
            } else if (subject.dateOfBirth().isBefore(today.minusYears(120))) {
                problems.add("subject.dateOfBirth", "is more than 120 years ago");
            }
            // lengths first: no pattern ever runs over more than a few characters
            if (subject.postcode() != null && problems.maxLength("subject.postcode", subject.postcode(), MAX_POSTCODE)
                    && !subject.postcode().replaceAll("\\s", "").matches("(?i)[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}")) {
                problems.add("subject.postcode", "is not a UK postcode");
            }
            if (subject.email() != null && problems.maxLength("subject.email", subject.email(), MAX_EMAIL)
                    && !isEmailAddress(subject.email())) {
                problems.add("subject.email", "is not an email address");
            }
            problems.maxLength("subject.phone", subject.phone(), 30);
            problems.maxLength("subject.address", subject.address(), 500);
            vulnerabilities = problems.maxSize("subject.vulnerabilities", subject.vulnerabilities(), VULNERABILITIES.size())
                    ? subject.vulnerabilities() : List.of();
            for (int i = 0; i < vulnerabilities.size(); i++) {
                if (!VULNERABILITIES.contains(vulnerabilities.get(i))) {
                    problems.add("subject.vulnerabilities[" + i + "]", "is not one of " + VULNERABILITIES);
                }
            }
        }
        problems.maxLength("crimeReference", crimeReference, 50);
        if (incidentDate != null && incidentDate.isAfter(today)) {
            problems.add("incidentDate", "is in the future");
        }
        if (receivedByAgencyAt != null) {
            if (receivedByAgencyAt.isAfter(now)) {
                problems.add("receivedByAgencyAt", "is in the future");
            } else if (incidentDate != null && LocalDate.ofInstant(receivedByAgencyAt, KENT).isBefore(incidentDate)) {
                problems.add("receivedByAgencyAt", "is before the incident date");
            }
        }
        problems.maxLength("narrative", narrative, MAX_NARRATIVE);
        List<Pathway> validPathways = pathways(problems);
        Consent validConsent = consent(problems, today);
        Dash validDash = dash(problems, validFlags);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems.list);
        }
        personal = new PersonalDetails(subject.name().trim(), subject.dateOfBirth(), subject.postcode(), subject.phone(),
                subject.email(), subject.address(), narrative);
        return new NewReferral(agency, agencyReference, validDistrict, category, List.copyOf(validFlags), asbType, role,
                personal, List.copyOf(vulnerabilities), crimeReference, incidentDate, validPathways, validConsent, validDash,
                Boolean.TRUE.equals(victimOptedOut), receivedByAgencyAt != null ? receivedByAgencyAt : now);
    }

    private List<Pathway> pathways(Problems problems) {
        List<Pathway> valid = new ArrayList<>();
        if (pathway != null && problems.maxLength("pathway", pathway, MAX_CODE)) {
            Pathway.fromCode(pathway).ifPresentOrElse(valid::add, () -> problems.add("pathway", "is not a known pathway"));
        }
        if (problems.maxSize("pathways", pathways, MAX_PATHWAYS)) {
            for (int i = 0; i < pathways.size(); i++) {
                String code = pathways.get(i);
                Pathway found = code == null || code.length() > MAX_CODE ? null : Pathway.fromCode(code).orElse(null);
                if (found == null) {
                    problems.add("pathways[" + i + "]", "is not a known pathway");
                } else if (!valid.contains(found)) {
                    valid.add(found);
                }
            }
        }
        return List.copyOf(valid);
    }

    private Consent consent(Problems problems, LocalDate today) {
        if (consent == null) {
            problems.add("consent", "is required: the subject's recorded consent, or a lawful override with its reason");
            return null;
        }
        if (Boolean.TRUE.equals(consent.given())) {
            if (consent.recordedOn() == null) {
                problems.add("consent.recordedOn", "is required when consent is given");
            } else if (consent.recordedOn().isAfter(today)) {
                problems.add("consent.recordedOn", "is in the future");
            }
            if (problems.required("consent.recordedBy", consent.recordedBy())) {
                problems.maxLength("consent.recordedBy", consent.recordedBy(), MAX_TEXT);
            }
            if (consent.override() != null) {
                problems.add("consent.override", "must be absent when consent is given");
            }
            return new Consent(true, consent.recordedOn(), consent.recordedBy(), null, null);
        }
        if (consent.override() == null) {
            problems.add("consent.override", "is required without the subject's consent (basis and reason)");
            return null;
        }
        if (problems.required("consent.override.basis", consent.override().basis())
                && (consent.override().basis().length() > MAX_CODE || !Consent.OVERRIDE_BASES.contains(consent.override().basis()))) {
            problems.add("consent.override.basis", "must be one of " + Consent.OVERRIDE_BASES);
        }
        if (problems.required("consent.override.reason", consent.override().reason())) {
            problems.maxLength("consent.override.reason", consent.override().reason(), 2_000);
        }
        return new Consent(false, consent.recordedOn(), consent.recordedBy(), consent.override().basis(), consent.override().reason());
    }

    private Dash dash(Problems problems, List<String> validFlags) {
        if (dash == null) {
            return null;
        }
        if (!"domestic-abuse".equals(category) && !validFlags.contains("domestic-abuse")) {
            problems.add("dash", "applies only to domestic abuse");
        }
        DashChecklist checklist = null;
        if (problems.required("dash.checklist", dash.checklist())) {
            if ("police".equals(dash.checklist())) {
                checklist = DashChecklist.POLICE;
            } else if ("safelives".equals(dash.checklist())) {
                checklist = DashChecklist.SAFELIVES;
            } else {
                problems.add("dash.checklist", "must be police (27 questions) or safelives (24)");
            }
        }
        if (dash.answers() == null) {
            problems.add("dash.answers", "is required");
        } else if (problems.maxSize("dash.answers", dash.answers(), MAX_ANSWERS)) {
            if (checklist != null && dash.answers().size() != checklist.questions()) {
                problems.add("dash.answers", "must have " + checklist.questions() + " answers for the " + dash.checklist()
                        + " checklist, not " + dash.answers().size());
            }
            for (int i = 0; i < dash.answers().size(); i++) {
                if (dash.answers().get(i) == null) {
                    problems.add("dash.answers[" + i + "]", "must be true or false");
                }
            }
        }
        if (dash.professionalJudgement() != null
                && (dash.professionalJudgement().length() > MAX_CODE || !JUDGEMENTS.contains(dash.professionalJudgement()))) {
            problems.add("dash.professionalJudgement", "must be standard, medium or high");
        }
        return new Dash(dash.checklist(), dash.answers(), dash.professionalJudgement());
    }

    /**
     * What {@code [^@\\s]+@[^@\\s]+\\.[^@\\s]+} accepted, checked in one pass without backtracking: one
     * {@code @} with something before it, no whitespace, and a dot in the domain with something either side.
     */
    static boolean isEmailAddress(String value) {
        int at = value.indexOf('@');
        if (at < 1 || value.indexOf('@', at + 1) >= 0) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i))) {
                return false;
            }
        }
        int dot = value.indexOf('.', at + 2);
        return dot > 0 && dot < value.length() - 1;
    }

    private static final class Problems {
        private final List<FieldProblem> list = new ArrayList<>();

        void add(String field, String message) {
            list.add(new FieldProblem(field, message));
        }

        boolean required(String field, String value) {
            if (value == null || value.isBlank()) {
                add(field, "is required");
                return false;
            }
            return true;
        }

        /** False (and a problem) when {@code value} is longer than {@code max}: nothing else should look at it. */
        boolean maxLength(String field, String value, int max) {
            if (value != null && value.length() > max) {
                add(field, "must be at most " + max + " characters");
                return false;
            }
            return true;
        }

        /** True when {@code values} is present and holds at most {@code max} items; a longer list is one problem, not one per item. */
        boolean maxSize(String field, List<?> values, int max) {
            if (values == null) {
                return false;
            }
            if (values.size() > max) {
                add(field, "must hold at most " + max + " values, not " + values.size());
                return false;
            }
            return true;
        }

        boolean isEmpty() {
            return list.isEmpty();
        }
    }
}
