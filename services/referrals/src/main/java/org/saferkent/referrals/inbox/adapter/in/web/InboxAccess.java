package org.saferkent.referrals.inbox.adapter.in.web;

import org.saferkent.platform.service.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The partner teams' inboxes: the {@code referrals.inbox} scope, for the agencies that deliver a pathway. */
@Configuration(proxyBeanMethods = false)
class InboxAccess {

    static final String INBOX_SCOPE = "referrals.inbox";

    @Bean
    AccessRules inboxAccessRules() {
        return requests -> requests.requestMatchers("/api/inbox", "/api/inbox/**").hasAuthority("SCOPE_" + INBOX_SCOPE);
    }
}
