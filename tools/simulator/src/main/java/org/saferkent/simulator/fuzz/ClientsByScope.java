package org.saferkent.simulator.fuzz;

import java.util.Map;
import java.util.Set;

/**
 * Which client of the identity server (identity.yml) calls an operation: one that holds a scope the operation
 * asks for, so every hostile request gets past authentication and the access rules and reaches the service's
 * own checks of what it was sent.
 */
final class ClientsByScope {

    private static final Map<String, String> CLIENT = Map.ofEntries(
            Map.entry("referrals.read", "agency-kent-police"),
            Map.entry("referrals.write", "agency-kent-police"),
            Map.entry("referrals.inbox", "agency-kcc-integrated-youth-services"),
            Map.entry("referrals.safeguarding.read", "marac-coordinator"),
            Map.entry("referrals.safeguarding", "marac-coordinator"),
            Map.entry("referrals.subject", "svc-victims"),
            Map.entry("subjects.erase", "dpo"),
            Map.entry("audit.read", "auditor"),
            Map.entry("ops.read", "ops"),
            Map.entry("ops.write", "ops"),
            Map.entry("victims.read", "victims-caseworker"),
            Map.entry("victims.write", "victims-caseworker"),
            Map.entry("victims.personal", "victims-caseworker"),
            Map.entry("rj.read", "rj-practitioner"),
            Map.entry("rj.write", "rj-practitioner"),
            Map.entry("rj.approve", "rj-manager"),
            Map.entry("rj.disposals.write", "agency-kent-police"),
            Map.entry("commissioning.read", "pcc-office"),
            Map.entry("commissioning.write", "pcc-office"),
            Map.entry("partnership.read", "partnership-officer"),
            Map.entry("partnership.write", "partnership-officer"),
            Map.entry("partnership.personal", "partnership-officer"),
            Map.entry("panel.read", "police-crime-panel"));

    private ClientsByScope() {
    }

    /** A client holding one of {@code scopes}. */
    static String clientFor(Set<String> scopes) {
        for (String scope : scopes) {
            String client = CLIENT.get(scope);
            if (client != null) {
                return client;
            }
        }
        throw new IllegalStateException("no client of the local identity server is known to hold any of " + scopes);
    }
}
