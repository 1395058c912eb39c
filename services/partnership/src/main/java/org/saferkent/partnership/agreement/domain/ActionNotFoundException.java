package org.saferkent.partnership.agreement.domain;

/** No action of that id in the agreement's plan. */
public class ActionNotFoundException extends RuntimeException {

    public ActionNotFoundException(String actionId) {
        super("No such action: " + actionId);
    }
}
