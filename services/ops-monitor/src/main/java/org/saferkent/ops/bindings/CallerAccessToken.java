package org.saferkent.ops.bindings;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The access token of whoever is asking, to relay to another service so that it acts under their own
 * identity: the bearer token an operations client sent, or the token the identity server gave the
 * person signed in on the page (held by the server with their session). Nothing when the person's
 * token has expired: they sign in again.
 */
public class CallerAccessToken {

    /** A token this close to expiry is not relayed: it could lapse on the way. */
    private static final Duration MARGIN = Duration.ofSeconds(10);

    private final OAuth2AuthorizedClientRepository signedIn;
    private final Clock clock;

    public CallerAccessToken(OAuth2AuthorizedClientRepository signedIn, Clock clock) {
        this.signedIn = signedIn;
        this.clock = clock;
    }

    public Optional<String> of(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken bearer) {
            return Optional.of(bearer.getToken().getTokenValue());
        }
        if (authentication instanceof OAuth2AuthenticationToken person) {
            OAuth2AuthorizedClient client = signedIn.loadAuthorizedClient(person.getAuthorizedClientRegistrationId(), person, request);
            if (client == null || client.getAccessToken() == null) {
                return Optional.empty();
            }
            var expires = client.getAccessToken().getExpiresAt();
            if (expires != null && expires.isBefore(clock.instant().plus(MARGIN))) {
                return Optional.empty();
            }
            return Optional.of(client.getAccessToken().getTokenValue());
        }
        return Optional.empty();
    }
}
