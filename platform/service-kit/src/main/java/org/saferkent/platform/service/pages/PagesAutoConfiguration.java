package org.saferkent.platform.service.pages;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.saferkent.platform.service.security.AccessRules;
import org.saferkent.platform.service.security.Caller;
import org.saferkent.platform.service.security.SecurityProblems;
import org.saferkent.platform.service.security.ServiceSecurityAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
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
 * Web pages for people, the same way in every service. A request without a bearer token that asks for a
 * page, its assets, the sign-in endpoints or (with the service's session cookie) the API is this chain's:
 * people sign in at the identity server (authorization code + PKCE), their authorities are the scopes and the
 * agency of the access token the identity server issued for them (which holds only what that person has), and
 * the service's own {@link AccessRules} decide their API calls exactly as they decide a bearer token's. Writes
 * carry a CSRF token (cookie {@code XSRF-TOKEN}, header {@code X-XSRF-TOKEN}). Every other request is the
 * platform's bearer-token chain. The security headers (a strict CSP: this origin's scripts and styles only)
 * go on every answer of every service.
 */
@AutoConfiguration(after = ServiceSecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PagesProperties.class)
public class PagesAutoConfiguration {

    /** The assets every page may load before sign-in (no data in them): the shared stylesheet and scripts. */
    static final String[] ASSETS = {"/*.css", "/*.js", "/*.svg"};
    static final String AGENCY_CLAIM = "agency";

    /** The headers, a form's redirect to the sign-in allowed: the identity server's origin, from its issuer. */
    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter(
            @Value("${spring.security.oauth2.client.provider.saferkent.issuer-uri:}") String issuer) {
        FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(
                new SecurityHeadersFilter(originOf(issuer)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "saferkent.pages.enabled", havingValue = "true")
    static class PageChain {

        @Bean
        @Order(ServiceSecurityAutoConfiguration.API_CHAIN_ORDER - 10)
        SecurityFilterChain pageChain(HttpSecurity http, JwtDecoder tokens, PagesProperties properties,
                ClientRegistrationRepository registrations,
                ObjectProvider<AccessRules> rules, @Value("${saferkent.security.agency-claim:" + AGENCY_CLAIM + "}") String agencyClaim)
                throws Exception {
            List<String> pagePaths = new ArrayList<>(properties.pages().stream().map(PagesProperties.Page::path).toList());
            pagePaths.addAll(List.of(ASSETS));
            pagePaths.addAll(List.of("/oauth2/**", "/login/**", "/logout", "/page/me"));
            RequestMatcher page = anyOf(pagePaths.toArray(String[]::new));
            RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
            String sessionCookie = properties.sessionCookie();
            // the pages and their own calls (which carry the session cookie); any other call is the API chain's
            RequestMatcher browser = request -> request.getHeader("Authorization") == null
                    && (page.matches(request) || api.matches(request) && hasCookie(request, sessionCookie));
            http.securityMatcher(browser)
                    .authorizeHttpRequests(requests -> {
                        requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
                        requests.requestMatchers("/oauth2/**", "/login/**").permitAll();
                        requests.requestMatchers(ASSETS).permitAll();
                        for (PagesProperties.Page each : properties.pages()) {
                            requests.requestMatchers(each.path()).hasAuthority("SCOPE_" + each.scope());
                        }
                        rules.orderedStream().forEach(rule -> rule.configure(requests));
                        requests.anyRequest().authenticated();
                    })
                    .oauth2Login(login -> login
                            .loginPage("/oauth2/authorization/saferkent")
                            .userInfoEndpoint(userInfo -> userInfo.oidcUserService(authoritiesFromTheAccessToken(tokens, agencyClaim))))
                    // signing out ends the identity server's session too (OpenID Connect RP-initiated logout)
                    .logout(logout -> logout.logoutSuccessHandler(new SignOut(registrations)))
                    // the page reads the token from the XSRF-TOKEN cookie and sends it as X-XSRF-TOKEN
                    .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                            .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                    .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                    // the API answers a missing sign-in with 401 (no redirect a script could not follow)
                    .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor((request, response, e) ->
                            SecurityProblems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                                    "Sign in on the page, or send a bearer token."), api));
            return http.build();
        }

        /** Who is signed in, for a page's header: name, agency (if any) and scopes (a member of the page chain's configuration). */
        @RestController
        static class SignedIn {

            @GetMapping("/page/me")
            Map<String, Object> me() {
                Map<String, Object> me = new LinkedHashMap<>();
                Caller.current().ifPresentOrElse(caller -> {
                    me.put("name", caller.subject());
                    me.put("agency", caller.agency() == null ? "" : caller.agency());
                    me.put("scopes", new TreeSet<>(caller.scopes()));
                }, () -> me.put("name", ""));
                return me;
            }
        }
    }

    /**
     * A person's authorities are the scopes (and the agency) of the access token the identity server issued,
     * which holds only what that person has, not the scopes the page asked for.
     */
    static OAuth2UserService<OidcUserRequest, OidcUser> authoritiesFromTheAccessToken(JwtDecoder tokens, String agencyClaim) {
        OidcUserService standard = new OidcUserService();
        return request -> {
            OidcUser user = standard.loadUser(request);
            Jwt accessToken = tokens.decode(request.getAccessToken().getTokenValue());
            return new DefaultOidcUser(authorities(accessToken, agencyClaim), user.getIdToken(), user.getUserInfo(), "sub");
        };
    }

    static Set<GrantedAuthority> authorities(Jwt accessToken, String agencyClaim) {
        Set<GrantedAuthority> authorities = new HashSet<>();
        Collection<String> scopes = accessToken.getClaimAsStringList("scope");
        if (scopes != null) {
            scopes.forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
        }
        String agency = accessToken.getClaimAsString(agencyClaim);
        if (agency != null && !agency.isBlank()) {
            authorities.add(new SimpleGrantedAuthority(Caller.AGENCY_AUTHORITY_PREFIX + agency));
        }
        return authorities;
    }

    private static boolean hasCookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies).anyMatch(cookie -> name.equals(cookie.getName()));
    }

    private static RequestMatcher anyOf(String... patterns) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        List<RequestMatcher> matchers = Arrays.stream(patterns).<RequestMatcher>map(paths::matcher).toList();
        return request -> matchers.stream().anyMatch(matcher -> matcher.matches(request));
    }

    /**
     * After the service's session ends, the person goes on to the identity server's end-session endpoint
     * (with the ID token as hint), which ends its session as well: the next page asks for a password again.
     * A page's script (which asked for JSON) gets that address to go to; a browser form gets the redirect.
     */
    static final class SignOut extends OidcClientInitiatedLogoutSuccessHandler {

        SignOut(ClientRegistrationRepository registrations) {
            super(registrations);
        }

        @Override
        public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                throws IOException, ServletException {
            String accept = request.getHeader("Accept");
            if (accept == null || !accept.contains("application/json")) {
                super.onLogoutSuccess(request, response, authentication);
                return;
            }
            String target = determineTargetUrl(request, response, authentication);
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("application/json");
            response.getWriter().write("{\"signOutUrl\":\"" + target.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
        }
    }

    /** Spring Security defers the CSRF token; a page needs its cookie before its first write. */
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

    /** {@code scheme://host[:port]} of a URL, or null when there is none or it is not one. */
    static String originOf(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            java.net.URI uri = java.net.URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
