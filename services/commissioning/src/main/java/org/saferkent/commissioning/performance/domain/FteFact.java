package org.saferkent.commissioning.performance.domain;

import java.time.LocalDate;

/**
 * A first-time entrant's disposal. {@code superseded}: an earlier disposal reported later took its
 * place, so it no longer counts. {@code ageAtDisposal} may be unknown (null).
 */
public record FteFact(String disposalId, String district, LocalDate disposalOn, Integer ageAtDisposal,
        boolean superseded) {

    public boolean counts() {
        return !superseded && disposalOn != null && (ageAtDisposal == null || ageAtDisposal >= 10 && ageAtDisposal <= 17);
    }
}
