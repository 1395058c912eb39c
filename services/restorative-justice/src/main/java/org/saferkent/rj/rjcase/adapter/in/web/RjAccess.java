package org.saferkent.rj.rjcase.adapter.in.web;

import org.saferkent.platform.service.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * RJ practitioners read (rj.read) and work (rj.write) cases, and read disposals and youth-justice measures;
 * only managers (rj.approve) approve direct contact; Kent Police and the Youth Offending Service
 * (rj.disposals.write, a token with their agency claim) post disposals. Restorative justice holds
 * pseudonyms only: it has no route to anyone's personal data.
 */
@Configuration(proxyBeanMethods = false)
class RjAccess {

    /** A manager's approval of direct contact. */
    static final String APPROVE_SCOPE = "rj.approve";
    /** Posting youth-justice disposals, as the agency the token speaks for. */
    static final String DISPOSALS_SCOPE = "rj.disposals.write";

    private static final String[] PATHS = {"/api/rj-cases", "/api/rj-cases/**", "/api/disposals", "/api/disposals/**",
            "/api/youth-justice", "/api/youth-justice/**"};

    @Bean
    AccessRules rjAccessRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/rj-cases/*/manager-approval").hasAuthority("SCOPE_" + APPROVE_SCOPE)
                .requestMatchers(HttpMethod.POST, "/api/disposals", "/api/disposals/**").hasAuthority("SCOPE_" + DISPOSALS_SCOPE)
                .requestMatchers(HttpMethod.GET, PATHS).hasAuthority("SCOPE_rj.read")
                .requestMatchers(HttpMethod.POST, PATHS).hasAuthority("SCOPE_rj.write")
                .requestMatchers(PATHS).denyAll();
    }
}
