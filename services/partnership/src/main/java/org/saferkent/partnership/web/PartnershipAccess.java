package org.saferkent.partnership.web;

import org.saferkent.platform.service.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Partnership officers and community safety analysts read (partnership.read) and record (partnership.write) reviews;
 * a review's personal details need partnership.personal, and every read of them is audited. The ASB case review
 * figures are published aggregates: partnership.read or the Police and Crime Panel's panel.read.
 */
@Configuration(proxyBeanMethods = false)
public class PartnershipAccess {

    public static final String READ = "partnership.read";
    public static final String WRITE = "partnership.write";
    public static final String PERSONAL = "partnership.personal";
    public static final String PANEL_READ = "panel.read";

    @Bean
    AccessRules partnershipAccessRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/partnership/dhrs/*/personal-details").hasAuthority("SCOPE_" + PERSONAL)
                .requestMatchers(HttpMethod.GET, "/api/partnership/asb-reviews/figures")
                .hasAnyAuthority("SCOPE_" + READ, "SCOPE_" + PANEL_READ)
                .requestMatchers(HttpMethod.GET, "/api/partnership/panel").hasAuthority("SCOPE_" + PANEL_READ)
                .requestMatchers(HttpMethod.GET, "/api/partnership/**").hasAuthority("SCOPE_" + READ)
                .requestMatchers(HttpMethod.POST, "/api/partnership/**").hasAuthority("SCOPE_" + WRITE)
                .requestMatchers("/api/partnership/**").denyAll();
    }
}
