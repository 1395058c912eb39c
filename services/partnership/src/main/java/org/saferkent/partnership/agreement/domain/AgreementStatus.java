package org.saferkent.partnership.agreement.domain;

import java.util.Locale;

/** A year's agreement: drafted, then agreed by the statutory partners (its priorities fixed from then on). */
public enum AgreementStatus {
    DRAFT, AGREED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
