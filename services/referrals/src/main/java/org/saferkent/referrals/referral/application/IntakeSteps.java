package org.saferkent.referrals.referral.application;

/**
 * The points an intake passes between its first write and its last. Production does nothing at them; a
 * test stops an intake at one (as a killed process would stop) to prove nothing acknowledged is lost and
 * nothing unacknowledged counts.
 */
@FunctionalInterface
public interface IntakeSteps {

    enum Step {
        /** The subject's history names the referral (pending); nothing else is written yet. */
        HISTORY_RECORDED,
        /** The personal details are saved too; the referral itself is not. */
        DETAILS_SAVED,
        /** Another intake of the same subject is between its history and its referral: this one waits for it. */
        WAITING_FOR_EARLIER_INTAKE
    }

    IntakeSteps NONE = (step, referralId) -> {
    };

    /** @param referralId the referral of the intake at this step (for the wait: the one waited for) */
    void reached(Step step, String referralId);
}
