package org.saferkent.rj.rjcase.application;

/** No restorative justice case has this id. */
public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(String caseId) {
        super("no restorative justice case " + caseId);
    }
}
