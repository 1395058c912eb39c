package org.saferkent.referrals.referral.adapter.in.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.saferkent.platform.service.RequestProblems;
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
        @Size(min = 1, max = 100, message = "must be 1 to 100 characters")
        @Pattern(regexp = "^[\\s\\S]*\\S[\\s\\S]*$", message = "must be 1 to 100 characters") String agencyReference,
        @NotBlank(message = "is required") @Size(max = MAX_CODE, message = "must be at most {max} characters")
        @Known(Vocabulary.DISTRICT) String district,
        @NotBlank(message = "is required") @Size(max = MAX_CODE, message = "must be at most {max} characters")
        @Known(Vocabulary.CATEGORY) String category,
        @AtMost(MAX_FLAGS) List<@Known(value = Vocabulary.FLAG, nullable = false) String> flags,
        String asbType,
        @NotNull(message = "is required") @Valid SubjectRequest subject,
        @Size(max = 50, message = "must be at most {max} characters") String crimeReference,
        LocalDate incidentDate,
        @Size(max = MAX_CODE, message = "must be at most {max} characters") @Known(Vocabulary.PATHWAY) String pathway,
        @AtMost(MAX_PATHWAYS) List<@Known(value = Vocabulary.PATHWAY, nullable = false) String> pathways,
        @NotNull(message = "is required: the subject's recorded consent, or a lawful override with its reason") ConsentRequest consent,
        @Valid DashRequest dash,
        Boolean victimOptedOut,
        @Size(max = MAX_NARRATIVE, message = "must be at most {max} characters") String narrative,
        Instant receivedByAgencyAt) {

    /** The person referred. Personal data: kept apart, never on the bus. */
    public record SubjectRequest(
            @NotBlank(message = "is required") @Size(max = MAX_CODE, message = "must be at most {max} characters")
            @Known(Vocabulary.SUBJECT_ROLE) String role,
            @NotBlank(message = "is required") @Size(max = MAX_TEXT, message = "must be at most {max} characters") String name,
            @NotNull(message = "is required") LocalDate dateOfBirth,
            @Size(max = MAX_POSTCODE, message = "must be at most {max} characters") @Known(Vocabulary.POSTCODE) String postcode,
            @Size(max = 30, message = "must be at most {max} characters") String phone,
            @Size(max = MAX_EMAIL, message = "must be at most {max} characters") @Known(Vocabulary.EMAIL) String email,
            @Size(max = 500, message = "must be at most {max} characters") String address,
            @AtMost(MAX_VULNERABILITIES) List<@Known(value = Vocabulary.VULNERABILITY, nullable = false) String> vulnerabilities,
            @Size(max = 20, message = "must be at most {max} characters") String nhsNumber) {

        @Override
        public String toString() {
            return "SubjectRequest[redacted]";
        }
    }

    /** Consent given (with date and by whom), or a lawful override with its basis and reason: which depends on given. */
    public record ConsentRequest(Boolean given, LocalDate recordedOn, String recordedBy, OverrideRequest override) {
    }

    public record OverrideRequest(String basis, String reason) {
    }

    /** How many answers depends on the checklist, checked in code. */
    public record DashRequest(
            @NotBlank(message = "is required")
            @Pattern(regexp = "^(police|safelives)$", message = "must be police (27 questions) or safelives (24)") String checklist,
            @NotNull(message = "is required") @AtMost(MAX_ANSWERS)
            List<@NotNull(message = "must be true or false") Boolean> answers,
            @Pattern(regexp = "^(standard|medium|high)$", message = "must be standard, medium or high") String professionalJudgement) {
    }

    static final Set<String> ASB_TYPES = Set.of("personal", "nuisance", "environmental");
    static final Set<String> VULNERABILITIES = Set.of("mental-disorder", "impaired-intelligence", "impaired-social-functioning",
            "physical-disability", "intimidated", "persistently-targeted", "bereaved", "repeat-victim");
    static final int MAX_TEXT = 200;
    static final int MAX_NARRATIVE = 10_000;
    /** A code (district, category, role, pathway...): longer than any known one is refused before it is looked up. */
    static final int MAX_CODE = 50;
    /** RFC 5321's limit on a forward path. */
    static final int MAX_EMAIL = 254;
    static final int MAX_POSTCODE = 16;
    static final int MAX_FLAGS = 10;
    static final int MAX_PATHWAYS = 10;
    static final int MAX_ANSWERS = 27;
    static final int MAX_VULNERABILITIES = 8;
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
    NewReferral validate(Validator validator, Instant now, String callerAgency) {
        LocalDate today = LocalDate.ofInstant(now, KENT);
        RequestProblems problems = RequestProblems.of(validator, this);
        if (agency != null && !agency.equals(callerAgency)) {
            problems.add("agency", "must be the agency you are authenticated as, or left out");
        }
        String agency = callerAgency;
        if (!Agency.isKnown(agency)) {
            problems.add("agency", "is not a registered Kent partner agency");
        }
        List<String> validFlags = flags != null && flags.size() <= MAX_FLAGS ? flags : List.of();
        // which ASB type, if any, depends on the category
        if ("anti-social-behaviour".equals(category)) {
            if (asbType == null) {
                problems.add("asbType", "is required for anti-social behaviour (personal, nuisance or environmental)");
            } else if (asbType.length() > MAX_CODE || !ASB_TYPES.contains(asbType)) {
                problems.add("asbType", "must be personal, nuisance or environmental");
            }
        } else if (asbType != null) {
            problems.add("asbType", "applies only to anti-social-behaviour");
        }
        // dates against the moment of posting, that day in Kent
        if (subject != null && subject.dateOfBirth() != null) {
            if (subject.dateOfBirth().isAfter(today)) {
                problems.add("subject.dateOfBirth", "is in the future");
            } else if (subject.dateOfBirth().isBefore(today.minusYears(120))) {
                problems.add("subject.dateOfBirth", "is more than 120 years ago");
            }
        }
        if (subject != null && subject.nhsNumber() != null && subject.nhsNumber().length() <= 20
                && !validNhsNumber(subject.nhsNumber())) {
            problems.add("subject.nhsNumber", "must be a valid NHS number: 10 digits whose last is the modulus 11 check digit");
        }
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
        Consent validConsent = consent(problems, today);
        Dash validDash = dash(problems, validFlags);
        problems.throwIfAny();
        PersonalDetails personal = new PersonalDetails(subject.name().trim(), subject.dateOfBirth(), subject.postcode(),
                subject.phone(), subject.email(), subject.address(), narrative);
        List<String> vulnerabilities = subject.vulnerabilities() == null ? List.of() : subject.vulnerabilities();
        return new NewReferral(agency, agencyReference, District.fromCode(district).orElseThrow(), category,
                List.copyOf(validFlags), asbType, SubjectRole.fromCode(subject.role()).orElseThrow(), personal,
                List.copyOf(vulnerabilities), crimeReference, incidentDate, requestedPathways(), validConsent, validDash,
                Boolean.TRUE.equals(victimOptedOut), receivedByAgencyAt != null ? receivedByAgencyAt : now,
                subject.nhsNumber() == null || subject.nhsNumber().isBlank() ? null : subject.nhsNumber().replaceAll("[ -]", ""));
    }

    /** Ten digits (spaces or hyphens between groups allowed), the last the modulus 11 check digit of the first nine. */
    static boolean validNhsNumber(String value) {
        String digits = value.replaceAll("[ -]", "");
        if (!digits.matches("[0-9]{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    /** The pathways asked for, {@code pathway} first, each once. */
    private List<Pathway> requestedPathways() {
        List<Pathway> valid = new ArrayList<>();
        if (pathway != null) {
            valid.add(Pathway.fromCode(pathway).orElseThrow());
        }
        for (String code : pathways == null ? List.<String>of() : pathways) {
            Pathway found = Pathway.fromCode(code).orElseThrow();
            if (!valid.contains(found)) {
                valid.add(found);
            }
        }
        return List.copyOf(valid);
    }

    /** What is required depends on whether consent was given: the subject's, recorded, or a lawful override. */
    private Consent consent(RequestProblems problems, LocalDate today) {
        if (consent == null) {
            return null;
        }
        if (Boolean.TRUE.equals(consent.given())) {
            if (consent.recordedOn() == null) {
                problems.add("consent.recordedOn", "is required when consent is given");
            } else if (consent.recordedOn().isAfter(today)) {
                problems.add("consent.recordedOn", "is in the future");
            }
            if (consent.recordedBy() == null || consent.recordedBy().isBlank()) {
                problems.add("consent.recordedBy", "is required");
            } else if (consent.recordedBy().length() > MAX_TEXT) {
                problems.add("consent.recordedBy", "must be at most " + MAX_TEXT + " characters");
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
        String basis = consent.override().basis();
        if (basis == null || basis.isBlank()) {
            problems.add("consent.override.basis", "is required");
        } else if (basis.length() > MAX_CODE || !Consent.OVERRIDE_BASES.contains(basis)) {
            problems.add("consent.override.basis", "must be one of " + Consent.OVERRIDE_BASES);
        }
        String reason = consent.override().reason();
        if (reason == null || reason.isBlank()) {
            problems.add("consent.override.reason", "is required");
        } else if (reason.length() > 2_000) {
            problems.add("consent.override.reason", "must be at most 2000 characters");
        }
        return new Consent(false, consent.recordedOn(), consent.recordedBy(), basis, reason);
    }

    /** A DASH checklist belongs to domestic abuse, and has as many answers as its questions. */
    private Dash dash(RequestProblems problems, List<String> validFlags) {
        if (dash == null) {
            return null;
        }
        if (!"domestic-abuse".equals(category) && !validFlags.contains("domestic-abuse")) {
            problems.add("dash", "applies only to domestic abuse");
        }
        DashChecklist checklist = "police".equals(dash.checklist()) ? DashChecklist.POLICE
                : "safelives".equals(dash.checklist()) ? DashChecklist.SAFELIVES : null;
        List<Boolean> answers = dash.answers();
        if (checklist != null && answers != null && answers.size() <= MAX_ANSWERS && answers.size() != checklist.questions()) {
            problems.add("dash.answers", "must have " + checklist.questions() + " answers for the " + dash.checklist()
                    + " checklist, not " + answers.size());
        }
        return new Dash(dash.checklist(), answers, dash.professionalJudgement());
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
}
