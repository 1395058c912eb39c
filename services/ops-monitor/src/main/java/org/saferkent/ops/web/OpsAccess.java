package org.saferkent.ops.web;

import org.saferkent.platform.service.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Operations read the picture (ops.read) and act on dead letters and consumer bindings (ops.write). */
@Configuration(proxyBeanMethods = false)
class OpsAccess {

    @Bean
    AccessRules opsAccessRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/ops", "/api/ops/**").hasAuthority("SCOPE_ops.read")
                .requestMatchers(HttpMethod.POST, "/api/ops", "/api/ops/**").hasAuthority("SCOPE_ops.write")
                .requestMatchers("/api/ops", "/api/ops/**").denyAll();
    }
}
