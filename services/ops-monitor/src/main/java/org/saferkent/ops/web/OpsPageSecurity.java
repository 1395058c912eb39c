package org.saferkent.ops.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.saferkent.platform.service.security.SecurityProblems;
import org.saferkent.platform.service.security.ServiceSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * People use the operations page in a browser: they sign in at the identity server (authorization code
 * + PKCE, the public client {@code saferkent-web}) and the page's own calls ride on that session, with
 * a CSRF token for the actions. What they may do is what their access token's scopes say (ops.read to
 * look, ops.write to act). Requests carrying a bearer token go to the platform's API chain instead.
 */
@Configuration(proxyBeanMethods = false)
class OpsPageSecurity {

    /** The page's session cookie (server.servlet.session.cookie.name). */
    private static final String SESSION_COOKIE = "OPS_SESSION";
    private static final String[] PAGE = {"/", "/index.html", "/ops.js", "/ops.css", "/oauth2/**", "/login/**", "/logout",
            "/api/ops/**"};

    @Bean
    @Order(ServiceSecurityAutoConfiguration.API_CHAIN_ORDER - 10)
    SecurityFilterChain opsPageChain(HttpSecurity http, JwtDecoder tokens) throws Exception {
        RequestMatcher page = anyOf(PAGE);
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        // the page and its own calls (which carry its session cookie); any other API call is the API chain's
        RequestMatcher browser = request -> request.getHeader("Authorization") == null && page.matches(request)
                && (!api.matches(request) || hasSession(request));
        http.securityMatcher(browser)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/ops/**").hasAuthority("SCOPE_ops.write")
                        .requestMatchers("/oauth2/**", "/login/**").permitAll()
                        .anyRequest().hasAuthority("SCOPE_ops.read"))
                .oauth2Login(login -> login
                        .loginPage("/oauth2/authorization/saferkent")
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(scopesFromTheAccessToken(tokens))))
                .logout(logout -> logout.logoutSuccessUrl("/"))
                // the page reads the token from the XSRF-TOKEN cookie and sends it as X-XSRF-TOKEN
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                // the API answers a missing sign-in with 401 (no redirect a script could not follow)
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor((request, response, e) ->
                        SecurityProblems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                                "Sign in on the operations page, or send a bearer token."), api));
        return http.build();
    }

    /**
     * A person's authorities are the scopes of the access token the identity server issued (which holds
     * only the scopes that person has), not the scopes the page asked for.
     */
    private static OAuth2UserService<OidcUserRequest, OidcUser> scopesFromTheAccessToken(JwtDecoder tokens) {
        OidcUserService standard = new OidcUserService();
        return request -> {
            OidcUser user = standard.loadUser(request);
            Jwt accessToken = tokens.decode(request.getAccessToken().getTokenValue());
            Set<GrantedAuthority> authorities = accessToken.getClaimAsStringList("scope") == null ? Set.of()
                    : accessToken.getClaimAsStringList("scope").stream()
                            .map(scope -> (GrantedAuthority) new SimpleGrantedAuthority("SCOPE_" + scope))
                            .collect(Collectors.toSet());
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "sub");
        };
    }

    private static boolean hasSession(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies).anyMatch(cookie -> SESSION_COOKIE.equals(cookie.getName()));
    }

    /** Spring Security defers the CSRF token; the page needs its cookie before its first action. */
    static final class CsrfCookieFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }

    private static RequestMatcher anyOf(String... patterns) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher[] matchers = new RequestMatcher[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            matchers[i] = paths.matcher(patterns[i]);
        }
        return request -> {
            for (RequestMatcher matcher : matchers) {
                if (matcher.matches(request)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Who is signed in, for the page's header. */
    @RestController
    static class SignedIn {

        @GetMapping("/api/ops/me")
        Map<String, String> me(HttpServletRequest request) throws IOException {
            return Map.of("name", request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName());
        }
    }
}
