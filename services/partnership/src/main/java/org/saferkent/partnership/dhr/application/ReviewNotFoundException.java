package org.saferkent.partnership.dhr.application;

/** No Domestic Homicide Review (or recommendation) by that id. */
public class ReviewNotFoundException extends RuntimeException {

    public ReviewNotFoundException(String id) {
        super("no review " + id);
    }
}
