package org.saferkent.rj.rjcase.domain;

/** Whether the offender did what the agreement asked. */
public enum AgreementResult {
    COMPLETED, FAILED
}
