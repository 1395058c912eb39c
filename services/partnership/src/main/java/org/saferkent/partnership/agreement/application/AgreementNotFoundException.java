package org.saferkent.partnership.agreement.application;

/** No agreement for that year. */
public class AgreementNotFoundException extends RuntimeException {

    public AgreementNotFoundException(int year) {
        super("No Community Safety Agreement for " + year);
    }
}
