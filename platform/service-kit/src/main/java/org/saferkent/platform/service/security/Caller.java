package org.saferkent.platform.service.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, from the verified token: the client, the subject (a person or, for client
 * credentials, the client itself), the partner agency the token speaks for, and its scopes.
 *
 * @param clientId the OAuth2 client ({@code client_id}, else {@code azp}, else the subject)
 * @param subject  the token's subject
 * @param agency   the agency claim (configured name, {@code agency} by default), or {@code null}
 * @param scopes   the granted scopes
 */
public record Caller(String clientId, String subject, String agency, Set<String> scopes) {

    /** Authority prefix carrying the agency claim from the token into the authentication. */
    public static final String AGENCY_AUTHORITY_PREFIX = "AGENCY_";
    static final String SCOPE_PREFIX = "SCOPE_";

    /** The caller of the current request, if it presented a valid token. */
    public static Optional<Caller> current() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Optional<Caller> from(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            // a person signed in on a service's web page (OAuth2 login): named, with their access token's scopes and agency
            return Optional.of(new Caller(null, authentication.getName(), agencyOf(authentication), scopesOf(authentication)));
        }
        String subject = token.getToken().getSubject();
        String clientId = firstNonBlank(token.getToken().getClaimAsString("client_id"),
                token.getToken().getClaimAsString("azp"), subject);
        Set<String> authorities = token.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        String agency = authorities.stream().filter(a -> a.startsWith(AGENCY_AUTHORITY_PREFIX))
                .map(a -> a.substring(AGENCY_AUTHORITY_PREFIX.length())).findFirst().orElse(null);
        Set<String> scopes = authorities.stream().filter(a -> a.startsWith(SCOPE_PREFIX))
                .map(a -> a.substring(SCOPE_PREFIX.length())).collect(Collectors.toUnmodifiableSet());
        return Optional.of(new Caller(clientId, subject, agency, scopes));
    }

    private static String agencyOf(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(AGENCY_AUTHORITY_PREFIX)).map(a -> a.substring(AGENCY_AUTHORITY_PREFIX.length()))
                .findFirst().orElse(null);
    }

    private static Set<String> scopesOf(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith(SCOPE_PREFIX))
                .map(a -> a.substring(SCOPE_PREFIX.length())).collect(Collectors.toUnmodifiableSet());
    }

    public boolean has(String scope) {
        return scopes.contains(scope);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
