package org.saferkent.rj.rjcase.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Someone taking part, known by pseudonym and age only. Their part ends when they withdraw consent,
 * and does not start again.
 *
 * @param age years of age when they joined, if known
 */
public record Participant(String id, ParticipantRole role, String pseudonym, Integer age, ParticipantConsent consent,
        LocalDate withdrawnOn, Instant joinedAt) {

    public boolean withdrawn() {
        return withdrawnOn != null;
    }

    /** Has given consent and not withdrawn it. */
    public boolean consenting() {
        return consent != null && !withdrawn();
    }

    /** Still part of the case: has consented, or may still. */
    public boolean active() {
        return !withdrawn();
    }

    Participant withConsent(ParticipantConsent given) {
        return new Participant(id, role, pseudonym, age, given, withdrawnOn, joinedAt);
    }

    Participant withdrawnOn(LocalDate date) {
        return new Participant(id, role, pseudonym, age, consent, date, joinedAt);
    }
}
