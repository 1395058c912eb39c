package org.saferkent.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may obtain tokens, and with what scopes ({@code saferkent.identity}).
 *
 * @param issuer            the issuer URI put in every token; blank = derived from the request (tests on random ports)
 * @param localDefaultSecrets {@code true} only for the embedded local default: a client without a configured secret
 *                          gets {@code <clientId>-local-secret}, a user {@code <username>-local-password}.
 *                          Otherwise a missing secret stops the server at start.
 * @param accessTokenTtl    lifetime of access tokens
 * @param signingKey        PKCS#8 PEM RSA private key signing the tokens; blank = a key generated at each start
 * @param agencies          partner agency codes: each gets client {@code agency-<code>} with claim {@code agency=<code>}
 * @param agencyScopes      the scopes every agency client gets
 * @param clients           the other client-credentials clients, by client id
 * @param secrets           client secrets by client id (from the environment or a secrets directory in production)
 * @param web               the public client people use through the web pages (authorization code + PKCE)
 * @param users             people who log in on the identity server's form, by username
 * @param failedSignIns     failed sign-ins allowed per person or client (and per address) within a window, then 429
 * @param audiences         each service (by its name, the {@code aud} it accepts) with the scopes meant for it, exact
 *                          or a family ({@code referrals.*}); a token's {@code aud} is every service one of its scopes
 *                          is for, and every scope the server can grant must be for some service
 */
@Validated
@ConfigurationProperties("saferkent.identity")
public record IdentityProperties(
        String issuer,
        @DefaultValue("false") boolean localDefaultSecrets,
        @DefaultValue("15m") @NotNull @DurationMin(seconds = 1) Duration accessTokenTtl,
        String signingKey,
        @DefaultValue List<@NotBlank String> agencies,
        @DefaultValue({"referrals.write", "referrals.read"}) List<@NotBlank String> agencyScopes,
        @DefaultValue Map<String, Client> clients,
        @DefaultValue Map<String, String> secrets,
        @DefaultValue @Valid Web web,
        @DefaultValue Map<String, User> users,
        @DefaultValue @Valid FailedSignIns failedSignIns,
        @DefaultValue Map<String, List<@NotBlank String>> audiences) {

    /** How many failed sign-ins (per person or client; ten times as many per address) a window allows. */
    public record FailedSignIns(@DefaultValue("5") @Min(1) int limit,
            @DefaultValue("15m") @NotNull @DurationMin(seconds = 1) Duration window) {
    }

    /** A client-credentials client: its scopes, and the agency its tokens carry (if any). */
    public record Client(@DefaultValue List<String> scopes, String agency) {
    }

    /** The public web client. */
    public record Web(@DefaultValue("saferkent-web") @NotBlank String clientId, @DefaultValue List<String> redirectUris,
            @DefaultValue List<String> scopes) {
    }

    /**
     * A person: the scopes their tokens may carry, the partner agency they work for (their tokens then carry
     * {@code agency}, as an agency client's do), and their password (local default {@code <username>-local-password}).
     */
    public record User(@DefaultValue List<String> scopes, String agency, String password) {
    }

    /**
     * Every scope a client, the web client or a person can be given that is meant for no service: a token carrying
     * only such scopes would be accepted nowhere, and a service added without its audience would refuse every token.
     */
    java.util.Set<String> scopesForNoService() {
        java.util.Set<String> granted = new java.util.LinkedHashSet<>(agencyScopes);
        clients.values().forEach(client -> granted.addAll(client.scopes()));
        granted.addAll(web.scopes());
        users.values().forEach(user -> granted.addAll(user.scopes()));
        return new Audiences(audiences).forNoService(granted);
    }

    String secretOf(String clientId) {
        String secret = secrets.get(clientId);
        if (secret != null && !secret.isBlank()) {
            return secret;
        }
        if (localDefaultSecrets) {
            return clientId + "-local-secret";
        }
        throw new IllegalStateException("No secret configured for client '" + clientId
                + "': set saferkent.identity.secrets." + clientId + " (the local defaults are off)");
    }

    String passwordOf(String username, User user) {
        if (user.password() != null && !user.password().isBlank()) {
            return user.password();
        }
        if (localDefaultSecrets) {
            return username + "-local-password";
        }
        throw new IllegalStateException("No password configured for user '" + username
                + "': set saferkent.identity.users." + username + ".password (the local defaults are off)");
    }
}
