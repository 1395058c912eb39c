package org.saferkent.platform.service.security;

import java.util.List;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A token is for this service only when its {@code aud} names the service ({@code saferkent.security.audience},
 * by default {@code spring.application.name}, the name the identity server gives it in
 * {@code saferkent.identity.audiences}). Any other token, however well signed, is refused with 401: a token an
 * agency holds for referrals opens nothing at victims, whatever its scopes say.
 */
public final class ServiceAudience implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error NOT_FOR_THIS_SERVICE = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The token is not meant for this service (aud)", null);

    private final String audience;

    public ServiceAudience(String audience) {
        if (audience == null || audience.isBlank()) {
            throw new IllegalStateException("No audience for this service: set spring.application.name or saferkent.security.audience");
        }
        this.audience = audience;
    }

    public String audience() {
        return audience;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        List<String> audiences = token.getAudience();
        if (audiences != null && audiences.contains(audience)) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(NOT_FOR_THIS_SERVICE);
    }
}
