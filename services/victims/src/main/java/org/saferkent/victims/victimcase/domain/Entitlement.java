package org.saferkent.victims.victimcase.domain;

import java.util.List;

/**
 * A victim's entitlement under the Victims' Code: enhanced (with every reason that makes it so) or
 * standard (no reasons).
 */
public record Entitlement(boolean enhanced, List<String> reasons) {

    public Entitlement {
        reasons = List.copyOf(reasons);
    }

    public static Entitlement standard() {
        return new Entitlement(false, List.of());
    }
}
