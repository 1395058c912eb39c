package org.saferkent.referrals.inbox;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.referrals.inbox.application.PathwayInbox;
import org.saferkent.referrals.inbox.domain.PathwayOwner;
import org.saferkent.referrals.inbox.domain.PathwayOwners;
import org.saferkent.referrals.referral.domain.District;
import org.saferkent.referrals.referral.domain.Referral;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The partner teams' inboxes: who owns which pathway where (checked at start), and the inbox itself. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InboxProperties.class)
class InboxConfiguration {

    @Bean
    PathwayOwners pathwayOwners(InboxProperties properties) {
        return new PathwayOwners(properties.owners().stream().map(InboxConfiguration::owner).toList());
    }

    @Bean
    PathwayInbox pathwayInbox(AggregateStore<Referral> referralStore, MongoTemplate mongo, Clock clock) {
        return new PathwayInbox(referralStore, mongo, clock);
    }

    private static PathwayOwner owner(InboxProperties.Owner owner) {
        Set<District> districts = owner.districts() == null ? Set.of() : owner.districts().stream()
                .map(code -> District.fromCode(code).orElseThrow(() -> new IllegalArgumentException(
                        "saferkent.referrals.inbox.owners: " + owner.agency() + " names " + code + ", which is not a Kent district")))
                .collect(Collectors.toSet());
        return new PathwayOwner(owner.agency(), owner.name() == null ? owner.agency() : owner.name(), owner.pathways(), districts);
    }
}
