package org.saferkent.victims.victimcase.application;

/** No victim case has this id. */
public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(String caseId) {
        super("no victim case " + caseId);
    }
}
