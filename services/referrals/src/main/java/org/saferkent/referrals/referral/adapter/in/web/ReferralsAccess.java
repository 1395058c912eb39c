package org.saferkent.referrals.referral.adapter.in.web;

import org.saferkent.platform.service.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may do what in referrals: agencies post (referrals.write) and read (referrals.read) their own
 * referrals; only the victims service (referrals.subject) fetches a subject's personal details; only
 * the safeguarding scope (referrals.safeguarding.read: victim services, MARAC coordinators) reads what is
 * drawn from other agencies' referrals of the person (links, MARAC history), for any agency's referral; only
 * referrals.safeguarding (MARAC coordinators) undoes a wrong link of a person's history across addresses.
 */
@Configuration(proxyBeanMethods = false)
class ReferralsAccess {

    /** Reads a referral's links to other agencies' referrals and the person's MARAC history. */
    static final String SAFEGUARDING_SCOPE = "referrals.safeguarding.read";
    /** Changes what the safeguarding view reads: undoes a wrong link of a referral's subject to another's history. */
    static final String SAFEGUARDING_WRITE_SCOPE = "referrals.safeguarding";

    @Bean
    AccessRules referralsAccessRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/referrals/*/subject").hasAuthority("SCOPE_referrals.subject")
                .requestMatchers(HttpMethod.GET, "/api/referrals/*/safeguarding").hasAuthority("SCOPE_" + SAFEGUARDING_SCOPE)
                .requestMatchers(HttpMethod.POST, "/api/referrals/*/subject-link/undo").hasAuthority("SCOPE_" + SAFEGUARDING_WRITE_SCOPE)
                .requestMatchers(HttpMethod.POST, "/api/referrals", "/api/referrals/**").hasAuthority("SCOPE_referrals.write")
                .requestMatchers(HttpMethod.GET, "/api/referrals", "/api/referrals/**").hasAuthority("SCOPE_referrals.read")
                .requestMatchers("/api/referrals", "/api/referrals/**").denyAll();
    }
}
