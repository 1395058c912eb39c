package org.saferkent.rj.rjcase.adapter.in.web;

import org.saferkent.platform.service.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * RJ practitioners read (rj.read) and work (rj.write) cases, disposals and youth-justice measures.
 * Restorative justice holds pseudonyms only: it has no route to anyone's personal data.
 */
@Configuration(proxyBeanMethods = false)
class RjAccess {

    private static final String[] PATHS = {"/api/rj-cases", "/api/rj-cases/**", "/api/disposals", "/api/disposals/**",
            "/api/youth-justice", "/api/youth-justice/**"};

    @Bean
    AccessRules rjAccessRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, PATHS).hasAuthority("SCOPE_rj.read")
                .requestMatchers(HttpMethod.POST, PATHS).hasAuthority("SCOPE_rj.write")
                .requestMatchers(PATHS).denyAll();
    }
}
