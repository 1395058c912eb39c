package org.saferkent.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.oauth2.core.oidc.OidcScopes;

/**
 * Which services a token is meant for ({@code aud}): every service one of its scopes is for. Each service is
 * configured with the scopes meant for it ({@code saferkent.identity.audiences.<service>}), an exact scope or a
 * family ({@code referrals.*}: every scope starting {@code referrals.}). A service accepts a token only when its
 * own name is among the token's audiences, so a token for referrals is refused by victims even when it was stolen
 * there.
 */
final class Audiences {

    private final Map<String, List<String>> scopesByService;

    Audiences(Map<String, List<String>> scopesByService) {
        this.scopesByService = scopesByService;
    }

    /** The services (in configuration order) that at least one of {@code scopes} is for. */
    Set<String> of(Collection<String> scopes) {
        Set<String> services = new LinkedHashSet<>();
        scopesByService.forEach((service, patterns) -> {
            if (scopes.stream().anyMatch(scope -> patterns.stream().anyMatch(pattern -> matches(pattern, scope)))) {
                services.add(service);
            }
        });
        return services;
    }

    /** The scopes among {@code scopes} that are for no service (OpenID Connect's {@code openid} is the identity server's own). */
    Set<String> forNoService(Collection<String> scopes) {
        Set<String> orphans = new TreeSet<>();
        for (String scope : scopes) {
            if (!OidcScopes.OPENID.equals(scope) && of(List.of(scope)).isEmpty()) {
                orphans.add(scope);
            }
        }
        return orphans;
    }

    static boolean matches(String pattern, String scope) {
        if (pattern.endsWith(".*")) {
            return scope.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(scope);
    }
}
