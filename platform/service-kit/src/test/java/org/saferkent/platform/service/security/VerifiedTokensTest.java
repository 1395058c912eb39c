package org.saferkent.platform.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** A token is verified once, then answered from memory only while it is in force. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private final List<String> verifications = new ArrayList<>();
    private Instant expiresAt = NOW.plus(Duration.ofMinutes(5));

    /** Stands for the issuer's checks: signature, issuer, expiry, audience. */
    private final JwtDecoder issuerChecks = token -> {
        verifications.add(token);
        if (token.startsWith("forged")) {
            throw new BadJwtException("An error occurred while attempting to decode the Jwt: Signed JWT rejected");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("referrals-client").issuedAt(expiresAt.minus(Duration.ofMinutes(5)))
                .expiresAt(expiresAt).build();
    };

    @Test
    void aTokenIsVerifiedOnceWhileItIsInForceAndAgainOnceItHasExpired() {
        MutableClock clock = new MutableClock(NOW);
        VerifiedTokens tokens = new VerifiedTokens(issuerChecks, clock);

        assertThat(tokens.decode("token-a").getSubject()).isEqualTo("referrals-client");
        assertThat(tokens.decode("token-a").getSubject()).isEqualTo("referrals-client");
        tokens.decode("token-b");
        assertThat(verifications).containsExactly("token-a", "token-b");

        clock.now = NOW.plus(Duration.ofMinutes(5)); // token-a's expiry: the decoder decides again
        expiresAt = NOW.minusSeconds(1);
        tokens.decode("token-a");
        assertThat(verifications).containsExactly("token-a", "token-b", "token-a");
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndNeverKept() {
        VerifiedTokens tokens = new VerifiedTokens(issuerChecks, new MutableClock(NOW));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens.decode("forged-token")).isInstanceOf(BadJwtException.class);
        }
        assertThat(verifications).containsExactly("forged-token", "forged-token");
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
