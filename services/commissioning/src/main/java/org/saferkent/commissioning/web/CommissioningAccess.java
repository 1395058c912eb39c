package org.saferkent.commissioning.web;

import org.saferkent.platform.service.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The PCC's office reads (commissioning.read) and manages (commissioning.write) contracts and performance. */
@Configuration(proxyBeanMethods = false)
class CommissioningAccess {

    private static final String[] PATHS = {"/api/commissioning", "/api/commissioning/**", "/api/contracts", "/api/contracts/**"};

    @Bean
    AccessRules commissioningAccessRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, PATHS).hasAuthority("SCOPE_commissioning.read")
                .requestMatchers(HttpMethod.POST, PATHS).hasAuthority("SCOPE_commissioning.write")
                .requestMatchers(PATHS).denyAll();
    }
}
