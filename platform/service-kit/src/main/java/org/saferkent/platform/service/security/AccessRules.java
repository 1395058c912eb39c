package org.saferkent.platform.service.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own path rules, added to the platform's resource-server chain after the shared ones
 * (health open; {@code /api/data-protection/**} subjects.erase; {@code /api/audit/**} audit.read;
 * {@code POST /actuator/bindings/**} ops.write; other actuator endpoints ops.read) and before the fallback (any other request needs a token).
 * Authorities are {@code SCOPE_<scope>}.
 */
@FunctionalInterface
public interface AccessRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
