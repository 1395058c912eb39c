package org.saferkent.victims.victimcase.adapter.in.web;

import org.saferkent.platform.service.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Case workers read (victims.read) and work (victims.write) victim cases; a victim's personal
 * details need victims.personal, and every read of them is audited.
 */
@Configuration(proxyBeanMethods = false)
class VictimsAccess {

    @Bean
    AccessRules victimsAccessRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/victim-cases/*/details").hasAuthority("SCOPE_victims.personal")
                .requestMatchers(HttpMethod.GET, "/api/victim-cases", "/api/victim-cases/**").hasAuthority("SCOPE_victims.read")
                .requestMatchers(HttpMethod.POST, "/api/victim-cases", "/api/victim-cases/**").hasAuthority("SCOPE_victims.write")
                .requestMatchers("/api/victim-cases", "/api/victim-cases/**").denyAll();
    }
}
