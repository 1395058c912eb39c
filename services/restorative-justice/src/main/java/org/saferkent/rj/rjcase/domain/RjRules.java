package org.saferkent.rj.rjcase.domain;

/** The rules a case's work can break, by the codes problem responses carry. */
public final class RjRules {

    public static final String CASE_OPEN = "case-open";
    public static final String PARTICIPANT_KNOWN = "participant-known";
    /** Withdrawal ends that participant's part: they cannot consent again in this case. */
    public static final String WITHDRAWAL_ENDS_PARTICIPATION = "withdrawal-ends-participation";
    /** Every participant's consent is written and informed. */
    public static final String WRITTEN_INFORMED_CONSENT = "written-informed-consent";
    public static final String RISK_ASSESSMENT_BEFORE_MEETING = "risk-assessment-before-meeting";
    public static final String RISK_ASSESSMENT_BEFORE_APPROVAL = "risk-assessment-before-approval";
    /**
     * Sensitive cases, cases whose referral is not known yet, and high risk ones need a manager's approval before
     * the parties meet; a re-assessment at a higher risk withdraws it.
     */
    public static final String MANAGER_APPROVAL_BEFORE_DIRECT_CONTACT = "manager-approval-before-direct-contact";
    /** The manager approving direct contact is not the one who assessed the risk: two people see the case. */
    public static final String APPROVER_NOT_ASSESSOR = "approver-not-assessor";
    public static final String FACILITATOR_BEFORE_MEETING = "facilitator-before-meeting";
    public static final String CONFERENCE_SCHEDULED = "conference-scheduled";
    /** A conference is held on or after the day of the (latest) risk assessment. */
    public static final String CONFERENCE_AFTER_RISK_ASSESSMENT = "conference-after-risk-assessment";
    /** A conference is held on or after the day every participant taking part gave consent. */
    public static final String CONFERENCE_AFTER_CONSENT = "conference-after-consent";
    public static final String CONSENT_OF_EVERY_PARTICIPANT = "consent-of-every-participant";
    public static final String OUTCOME_AFTER_CONFERENCE = "outcome-after-conference";
    public static final String CLOSURE_REASON = "closure-reason";

    private RjRules() {
    }
}
