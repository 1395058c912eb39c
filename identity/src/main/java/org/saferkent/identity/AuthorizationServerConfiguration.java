package org.saferkent.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/** Spring Security's authorization server, its clients, users, signing key and token claims. */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    /** Client setting naming the partner agency an agency client's tokens speak for. */
    static final String AGENCY_SETTING = "saferkent.agency";
    static final String AGENCY_CLAIM = "agency";
    static final String CLIENT_ID_CLAIM = "client_id";
    static final String AUDIENCE_CLAIM = "aud";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server
                        .oidc(Customizer.withDefaults())
                        .tokenEndpoint(token -> token.accessTokenRequestConverters(
                                converters -> converters.add(0, new AllScopesByDefault()))))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // people reaching the authorization endpoint without a session are sent to the login form
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                // the OIDC user-info endpoint takes the access token
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        return http.build();
    }

    /**
     * Failed sign-ins and client authentications limited per name and per address, before the chains: counted in
     * the store where there is one (every instance's count together), else in this instance's memory.
     */
    @Bean
    FilterRegistrationBean<FailedSignInLimit> failedSignInLimit(IdentityProperties properties, IdentityStore store) {
        int limit = properties.failedSignIns().limit();
        FailedSignInLimit.Failures failures = store.present() ? new StoredFailures(store) : new FailedSignInLimit.InMemoryFailures(limit * 10);
        FilterRegistrationBean<FailedSignInLimit> registration = new FilterRegistrationBean<>(
                new FailedSignInLimit(limit, properties.failedSignIns().window(), Clock.systemUTC(), failures));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    @Order(2)
    SecurityFilterChain loginForm(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // secrets arrive in plain text from configuration; hashed in memory all the same, and compared in constant
        // time. Cost 4: tokens are requested often, and the secrets are long random strings, not passwords.
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));
    }

    @Bean
    RegisteredClientRepository registeredClients(IdentityProperties properties, PasswordEncoder encoder) {
        Set<String> forNoService = properties.scopesForNoService();
        if (!forNoService.isEmpty()) {
            throw new IllegalStateException("Scopes meant for no service: " + forNoService
                    + ". Name the service each is for under saferkent.identity.audiences.<service> (its tokens would be refused everywhere).");
        }
        List<RegisteredClient> clients = new ArrayList<>();
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build();
        for (String agency : properties.agencies()) {
            // an agency client also named among the clients gets the scopes given there on top of the agencies' own
            Set<String> scopes = new LinkedHashSet<>(properties.agencyScopes());
            IdentityProperties.Client extra = properties.clients().get("agency-" + agency);
            if (extra != null) {
                scopes.addAll(extra.scopes());
            }
            clients.add(clientCredentials("agency-" + agency, properties, encoder, scopes, agency, tokens));
        }
        properties.clients().forEach((clientId, client) -> {
            if (!isAgencyClient(clientId, properties)) {
                clients.add(clientCredentials(clientId, properties, encoder, client.scopes(), client.agency(), tokens));
            }
        });
        IdentityProperties.Web web = properties.web();
        if (!web.redirectUris().isEmpty()) {
            clients.add(RegisteredClient.withId(web.clientId())
                    .clientId(web.clientId())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUris(uris -> uris.addAll(web.redirectUris()))
                    .scope(OidcScopes.OPENID)
                    .scopes(scopes -> scopes.addAll(web.scopes()))
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                    .tokenSettings(tokens)
                    .build());
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    private static boolean isAgencyClient(String clientId, IdentityProperties properties) {
        return clientId.startsWith("agency-") && properties.agencies().contains(clientId.substring("agency-".length()));
    }

    private static RegisteredClient clientCredentials(String clientId, IdentityProperties properties, PasswordEncoder encoder,
            Collection<String> scopes, String agency, TokenSettings tokens) {
        ClientSettings.Builder settings = ClientSettings.builder().requireAuthorizationConsent(false);
        if (agency != null && !agency.isBlank()) {
            settings.setting(AGENCY_SETTING, agency);
        }
        return RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientSecret(encoder.encode(properties.secretOf(clientId)))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(granted -> granted.addAll(scopes))
                .clientSettings(settings.build())
                .tokenSettings(tokens)
                .build();
    }

    /**
     * People's passwords are hashed with BCrypt at cost {@value #PEOPLE_BCRYPT_COST} (people choose passwords; client
     * secrets are long random strings and keep cost 4, since tokens are requested often).
     */
    static final int PEOPLE_BCRYPT_COST = 10;

    @Bean
    UserDetailsService people(IdentityProperties properties) {
        PasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(PEOPLE_BCRYPT_COST)));
        List<UserDetails> users = new ArrayList<>();
        properties.users().forEach((username, user) -> users.add(User.withUsername(username)
                .password(encoder.encode(properties.passwordOf(username, user)))
                .authorities(user.scopes().stream().map(scope -> "SCOPE_" + scope).toArray(String[]::new))
                .build()));
        return new InMemoryUserDetailsManager(users);
    }

    /**
     * Every access token names its client ({@code client_id}) and the services it is meant for ({@code aud}: every
     * service one of the scopes it was granted or asked for is for, {@link Audiences}); an agency client's tokens carry
     * its {@code agency}; a person's tokens carry only the scopes that person holds, and the agency they work for. (A
     * person's audience is what the page asked for on their behalf: a person holding none of a service's scopes is
     * still signed in there, and refused by its rules, not by the token's audience.)
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> saferkentClaims(IdentityProperties properties) {
        Audiences audiences = new Audiences(properties.audiences());
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            RegisteredClient client = context.getRegisteredClient();
            context.getClaims().claim(CLIENT_ID_CLAIM, client.getClientId());
            Set<String> services = audiences.of(context.getAuthorizedScopes());
            if (services.isEmpty()) {
                context.getClaims().claims(claims -> claims.remove(AUDIENCE_CLAIM));
            } else {
                context.getClaims().audience(List.copyOf(services));
            }
            Object agency = client.getClientSettings().getSetting(AGENCY_SETTING);
            if (agency != null) {
                context.getClaims().claim(AGENCY_CLAIM, agency);
            }
            if (AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())) {
                IdentityProperties.User person = properties.users().get(context.getPrincipal().getName());
                Set<String> scopes = new LinkedHashSet<>(context.getAuthorizedScopes());
                scopes.removeIf(scope -> !OidcScopes.OPENID.equals(scope) && (person == null || !person.scopes().contains(scope)));
                context.getClaims().claim("scope", scopes);
                if (person != null && person.agency() != null && !person.agency().isBlank()) {
                    context.getClaims().claim(AGENCY_CLAIM, person.agency());
                }
            }
        };
    }

    /** The store (or none: then nothing outlives this instance but what configuration gives it). Closed with the context. */
    @Bean(destroyMethod = "close")
    IdentityStore identityStore(IdentityStoreProperties store) {
        return IdentityStore.of(store);
    }

    /**
     * The key tokens are signed with, published at the JWKS endpoint: the configured one where
     * {@code saferkent.identity.signing-key} is set; else, with a store, the one kept there (made once by the first
     * instance, loaded by every other and after a restart); else only with the local defaults a fresh one.
     */
    @Bean
    JWKSource<SecurityContext> jwkSource(IdentityProperties properties, IdentityStore store) {
        return new ImmutableJWKSet<>(new JWKSet(signingKey(properties, store)));
    }

    static RSAKey signingKey(IdentityProperties properties, IdentityStore store) {
        boolean configured = properties.signingKey() != null && !properties.signingKey().isBlank();
        if (!configured && store.present()) {
            return StoredSigningKey.loadOrCreate(store);
        }
        return SigningKeys.rsa(properties.signingKey(), properties.localDefaultSecrets());
    }

    /**
     * Authorizations in flight (codes, and the tokens issued for them): in the store where there is one, so that a
     * code issued by one instance is exchanged at another; else in this instance's memory.
     */
    @Bean
    OAuth2AuthorizationService authorizations(IdentityStore store) {
        return store.present() ? new StoredAuthorizations(store, Clock.systemUTC()) : new OneAtATime(new InMemoryOAuth2AuthorizationService());
    }

    /**
     * Spring's in-memory authorizations, one call at a time: its {@code findByToken} walks a plain LinkedHashMap
     * that a concurrent {@code save} changes (a ConcurrentModificationException answered a token request 500 when
     * a test signed several people in at once).
     */
    private record OneAtATime(OAuth2AuthorizationService inner) implements OAuth2AuthorizationService {

        @Override
        public synchronized void save(org.springframework.security.oauth2.server.authorization.OAuth2Authorization authorization) {
            inner.save(authorization);
        }

        @Override
        public synchronized void remove(org.springframework.security.oauth2.server.authorization.OAuth2Authorization authorization) {
            inner.remove(authorization);
        }

        @Override
        public synchronized org.springframework.security.oauth2.server.authorization.OAuth2Authorization findById(String id) {
            return inner.findById(id);
        }

        @Override
        public synchronized org.springframework.security.oauth2.server.authorization.OAuth2Authorization findByToken(String token,
                org.springframework.security.oauth2.server.authorization.OAuth2TokenType tokenType) {
            return inner.findByToken(token, tokenType);
        }
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (properties.issuer() != null && !properties.issuer().isBlank()) {
            settings.issuer(properties.issuer());
        }
        return settings.build();
    }
}
