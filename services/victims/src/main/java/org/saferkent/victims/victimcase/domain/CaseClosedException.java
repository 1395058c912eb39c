package org.saferkent.victims.victimcase.domain;

/** The case is closed: work that needs an open case is refused. */
public class CaseClosedException extends RuntimeException {

    public CaseClosedException(String caseId) {
        super("victim case " + caseId + " is closed");
    }
}
