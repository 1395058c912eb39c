package org.saferkent.platform.service.security;

import java.time.Clock;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A service's token decoder that checks each token once. A client sends the same access token with every
 * call until it expires, and the decoder verified its RSA signature (and issuer, expiry and audience) at
 * each one: 13% of the HTTP threads' CPU in the local stack's profile under load. A token that passed is
 * kept (by its exact text, so nothing in it can differ) and answered from memory until its own expiry;
 * an expired or not-yet-valid one goes to the decoder again, which refuses it. A refused token is never
 * kept. What the cache gives up: a signing key withdrawn from the issuer's key set stops tokens already
 * seen only when they expire (the identity server's tokens live 5 minutes), not at once.
 */
final class VerifiedTokens implements JwtDecoder {

    /** Tokens in use at once: a client holds one at a time, people one per session. */
    static final int MAXIMUM = 2_000;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder().maximumSize(MAXIMUM).build();

    VerifiedTokens(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && inForce(known, clock.instant())) {
            return known;
        }
        verified.invalidate(token);
        Jwt jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null) { // a token without an expiry is checked every time
            verified.put(token, jwt);
        }
        return jwt;
    }

    private static boolean inForce(Jwt jwt, Instant now) {
        return jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())
                && (jwt.getNotBefore() == null || !now.isBefore(jwt.getNotBefore()));
    }
}
