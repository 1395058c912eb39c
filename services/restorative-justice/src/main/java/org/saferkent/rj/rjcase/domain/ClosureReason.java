package org.saferkent.rj.rjcase.domain;

/**
 * Why a case closed. Only {@link #COMPLETED} counts as a completed restorative intervention; a case
 * closed because consent was withdrawn never does.
 */
public enum ClosureReason {
    COMPLETED, FAILED, CONSENT_WITHDRAWN, OTHER
}
