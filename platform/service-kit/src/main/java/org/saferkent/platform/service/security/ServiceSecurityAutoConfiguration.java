package org.saferkent.platform.service.security;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.saferkent.platform.service.JsonOnlyFilter;
import org.saferkent.platform.service.PeriodicTask;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is an OAuth2 resource server: a JWT from the configured issuer
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}) on every request but health and info;
 * scopes become {@code SCOPE_<scope>} authorities, the agency claim ({@code saferkent.security.agency-claim},
 * default {@code agency}) an {@code AGENCY_<code>} authority. A token whose {@code aud} does not name the service
 * ({@link ServiceAudience}) is refused. Each service adds its {@link AccessRules}.
 */
@AutoConfiguration(after = DataMongoAutoConfiguration.class,
        before = {ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ServiceSecurityAutoConfiguration {

    /** Order of the API chain: a service may put a chain for its web pages before it. */
    public static final int API_CHAIN_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    /**
     * Where the audit trail is written: the service's own store, or with {@code saferkent.audit.mongodb.uri} a
     * connection as a user that may only find and insert entries.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(MongoTemplate.class)
    AuditStore auditStore(MongoTemplate mongo, Environment environment) {
        return AuditStore.of(mongo, environment.getProperty("saferkent.audit.mongodb.uri", ""));
    }

    /**
     * The append-only audit trail, on the hash chain {@code saferkent.audit.chain} (by default the service's
     * name: its instances share it and take turns).
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(AuditStore.class)
    PersonalDataAudit personalDataAudit(AuditStore store, Environment environment) {
        String service = environment.getProperty("spring.application.name", "service");
        return new PersonalDataAudit(store.mongo(), service, environment.getProperty("saferkent.audit.chain", service),
                Clock.systemUTC());
    }

    @Bean
    @ConditionalOnBean(PersonalDataAudit.class)
    AuditTrailController auditTrailController(PersonalDataAudit audit) {
        return new AuditTrailController(audit);
    }

    /** {@code /actuator/auditchain}: the trail's hash chains checked (ops.read). */
    @Bean
    @ConditionalOnBean(PersonalDataAudit.class)
    AuditChainEndpoint auditChainEndpoint(PersonalDataAudit audit) {
        return new AuditChainEndpoint(audit);
    }

    /**
     * Only tokens meant for this service: their {@code aud} must name it. Boot's resource-server auto-configuration
     * adds every {@code OAuth2TokenValidator<Jwt>} bean to the decoder's checks (after signature, issuer and expiry).
     */
    @Bean
    @ConditionalOnMissingBean
    ServiceAudience serviceAudience(Environment environment) {
        return new ServiceAudience(environment.getProperty("saferkent.security.audience",
                environment.getProperty("spring.application.name", "")));
    }

    /** Each access token verified once while it is in force ({@link VerifiedTokens}), whichever decoder Boot builds. */
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor verifiedTokensOnce() {
        return new org.springframework.beans.factory.config.BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof org.springframework.security.oauth2.jwt.JwtDecoder decoder && !(bean instanceof VerifiedTokens)
                        ? new VerifiedTokens(decoder, Clock.systemUTC()) : bean;
            }
        };
    }

    /** Unauthenticated refusals: 5 per address and 100 in all recorded one by one each minute, the rest counted. */
    @Bean
    @ConditionalOnMissingBean
    DenialThrottle unauthenticatedDenials() {
        return new DenialThrottle(5, 100, Duration.ofMinutes(1), Clock.systemUTC());
    }

    /** The count of refusals only counted is on the trail within a minute or so of its window's end, refusals or not. */
    @Bean
    @ConditionalOnBean(PersonalDataAudit.class)
    PeriodicTask deniedInBulkFlush(DenialThrottle unauthenticatedDenials, PersonalDataAudit audit,
            Environment environment) {
        return new PeriodicTask("audit-denial-counts",
                environment.getProperty("saferkent.audit.denial-count-flush", Duration.class, Duration.ofSeconds(20)), () -> {
                    DenialThrottle.Verdict ended = unauthenticatedDenials.flush();
                    if (ended != null) {
                        audit.deniedInBulk(ended.notRecordedBefore(), ended.windowStarted(), "unauthenticated");
                    }
                });
    }

    @Bean
    @ConditionalOnMissingBean
    ClientRateLimits.RateLimitSettings rateLimitSettings(Environment environment) {
        Binder binder = Binder.get(environment);
        ClientRateLimits.RateLimitSettings.Limit defaults = new ClientRateLimits.RateLimitSettings.Limit(
                binder.bind("saferkent.security.rate-limit.limit", Integer.class).orElse(200),
                binder.bind("saferkent.security.rate-limit.period", Duration.class).orElse(Duration.ofSeconds(1)));
        Map<String, ClientRateLimits.RateLimitSettings.Limit> clients = new HashMap<>();
        binder.bind("saferkent.security.rate-limit.clients", Bindable.mapOf(String.class, ClientLimit.class)).orElse(Map.of())
                .forEach((clientId, limit) -> clients.put(clientId, new ClientRateLimits.RateLimitSettings.Limit(
                        limit.limit() == null ? defaults.limit() : limit.limit(),
                        limit.period() == null ? defaults.period() : limit.period())));
        return new ClientRateLimits.RateLimitSettings(defaults, clients);
    }

    /** This service's client-credentials token for calling other services, when it has a client id. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("saferkent.security.client.client-id")
    ClientCredentialsTokens clientCredentialsTokens(Environment environment,
            ObjectProvider<org.springframework.web.client.RestClient.Builder> restClient) {
        return new ClientCredentialsTokens(
                URI.create(environment.getProperty("saferkent.security.client.token-uri", "http://127.0.0.1:8090/oauth2/token")),
                environment.getProperty("saferkent.security.client.client-id"),
                clientSecret(environment),
                environment.getProperty("saferkent.security.client.timeout", Duration.class, Duration.ofSeconds(5)),
                Clock.systemUTC(), restClient.getIfAvailable(org.springframework.web.client.RestClient::builder));
    }

    /** The configured secret; for the embedded local default only, {@code <clientId>-local-secret}. */
    private static String clientSecret(Environment environment) {
        String secret = environment.getProperty("saferkent.security.client.client-secret", "");
        if (secret.isBlank() && environment.getProperty("saferkent.security.client.local-default-secret", Boolean.class, false)) {
            return environment.getProperty("saferkent.security.client.client-id") + "-local-secret";
        }
        return secret;
    }

    @Bean
    @Order(API_CHAIN_ORDER)
    SecurityFilterChain resourceServerChain(HttpSecurity http, ObjectProvider<AccessRules> rules,
            ObjectProvider<PersonalDataAudit> audit, DenialThrottle unauthenticatedDenials,
            ClientRateLimits.RateLimitSettings rateLimits,
            @Value("${saferkent.security.agency-claim:agency}") String agencyClaim) throws Exception {
        PersonalDataAudit trail = audit.getIfAvailable();
        AccessDecisions decisions = trail == null ? AccessDecisions.NONE : trail;
        SecurityProblems problems = new SecurityProblems(decisions, unauthenticatedDenials);
        http.csrf(csrf -> csrf.disable()) // bearer tokens, no cookies: nothing for a forged request to ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> {
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error").permitAll();
                    requests.requestMatchers("/api/data-protection", "/api/data-protection/**").hasAuthority("SCOPE_subjects.erase");
                    requests.requestMatchers("/api/audit", "/api/audit/**").hasAuthority("SCOPE_audit.read");
                    // pausing, resuming (stopping, starting) a consumer binding is acting on the service
                    requests.requestMatchers(HttpMethod.POST, "/actuator/bindings/**").hasAuthority("SCOPE_ops.write");
                    requests.requestMatchers("/actuator/**").hasAuthority("SCOPE_ops.read");
                    rules.orderedStream().forEach(rule -> rule.configure(requests));
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authentication(agencyClaim)))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // per client, once the token is known; strict content types once the request is allowed
                .addFilterAfter(new ClientRateLimits(rateLimits), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new JsonOnlyFilter(), AuthorizationFilter.class);
        return http.build();
    }

    /** One client's limit as configured; what it leaves out is the default's. */
    record ClientLimit(Integer limit, Duration period) {
    }

    static JwtAuthenticationConverter authentication(String agencyClaim) {
        JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
        Converter<Jwt, Collection<GrantedAuthority>> authorities = jwt -> {
            List<GrantedAuthority> granted = new ArrayList<>(scopes.convert(jwt));
            String agency = jwt.getClaimAsString(agencyClaim);
            if (agency != null && !agency.isBlank()) {
                granted.add(new SimpleGrantedAuthority(Caller.AGENCY_AUTHORITY_PREFIX + agency));
            }
            return granted;
        };
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }
}
