package org.saferkent.partnership.asbreview.application;

/** No ASB case review application by that id. */
public class AsbReviewNotFoundException extends RuntimeException {

    public AsbReviewNotFoundException(String id) {
        super("no ASB case review " + id);
    }
}
