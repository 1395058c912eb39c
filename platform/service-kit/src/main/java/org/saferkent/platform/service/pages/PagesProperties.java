package org.saferkent.platform.service.pages;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * A service's web pages for people ({@code saferkent.pages}). People sign in at the identity server
 * (authorization code + PKCE, the registration {@code saferkent} under {@code spring.security.oauth2.client})
 * and the pages' own calls to the service's API ride on that session, with a CSRF token for every write.
 * What a person may do is what their access token's scopes say, checked by the same {@code AccessRules} as
 * the API's bearer calls.
 *
 * @param enabled       whether the service serves pages at all
 * @param pages         each page (a path pattern) with the scope a person needs to open it
 * @param sessionCookie the service's session cookie ({@code server.servlet.session.cookie.name}: cookies ignore
 *                      ports, so on 127.0.0.1 each service needs its own name); a page's API call without it is
 *                      left to the bearer-token chain
 */
@Validated
@ConfigurationProperties("saferkent.pages")
public record PagesProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue List<@Valid Page> pages,
        @DefaultValue("SESSION") @NotBlank String sessionCookie) {

    /** A page: its path pattern and the scope that opens it. */
    public record Page(@NotBlank String path, @NotBlank String scope) {
    }
}
