package org.saferkent.platform.outbox.web;

import org.saferkent.platform.outbox.OutboxAutoConfiguration;
import org.saferkent.platform.outbox.OutboxRelay;
import org.saferkent.platform.service.security.AccessRules;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

/**
 * The parked-events API in every service that has the service kit (web and its security): reading
 * needs ops.read, retrying ops.write.
 */
@AutoConfiguration(after = OutboxAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = {"org.saferkent.platform.service.security.AccessRules",
        "org.springframework.web.bind.annotation.RestController"})
@ConditionalOnBean(OutboxRelay.class)
public class OutboxWebAutoConfiguration {

    @Bean
    ParkedEventsController parkedEventsController(OutboxRelay relay) {
        return new ParkedEventsController(relay);
    }

    @Bean
    AccessRules outboxAccessRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/outbox/parked", "/api/outbox/parked/**").hasAuthority("SCOPE_ops.read")
                .requestMatchers(HttpMethod.POST, "/api/outbox/parked/*/retry").hasAuthority("SCOPE_ops.write")
                .requestMatchers("/api/outbox", "/api/outbox/**").denyAll();
    }
}
