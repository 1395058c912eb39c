package org.saferkent.partnership;

import java.time.Clock;

import org.saferkent.partnership.asbreview.application.AsbCaseReviews;
import org.saferkent.partnership.asbreview.domain.AsbCaseReview;
import org.saferkent.partnership.dhr.adapter.out.persistence.SealedPersonalDetails;
import org.saferkent.partnership.dhr.application.DhrDeadlines;
import org.saferkent.partnership.dhr.application.DomesticHomicideReviews;
import org.saferkent.partnership.dhr.domain.DomesticHomicideReview;
import org.saferkent.platform.dataprotection.PersonalDataVault;
import org.saferkent.platform.events.EventSource;
import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.AggregateStores;
import org.saferkent.platform.service.PeriodicTask;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PartnershipProperties.class)
class PartnershipConfiguration {

    @Bean
    AggregateStore<DomesticHomicideReview> dhrStore(AggregateStores stores, PartnershipProperties properties) {
        return stores.create("domestic_homicide_reviews", properties.dhrTopic(), DomesticHomicideReview.class);
    }

    @Bean
    AggregateStore<AsbCaseReview> asbCaseReviewStore(AggregateStores stores, PartnershipProperties properties) {
        return stores.create("asb_case_reviews", properties.asbReviewTopic(), AsbCaseReview.class);
    }

    @Bean
    SealedPersonalDetails dhrPersonalDetails(MongoTemplate mongo, PersonalDataVault vault) {
        return new SealedPersonalDetails(mongo, vault);
    }

    @Bean
    DomesticHomicideReviews domesticHomicideReviews(AggregateStore<DomesticHomicideReview> dhrStore,
            SealedPersonalDetails dhrPersonalDetails, EventSource source, Clock clock) {
        return new DomesticHomicideReviews(dhrStore, dhrPersonalDetails, source.serviceName(), clock);
    }

    @Bean
    DhrDeadlines dhrDeadlines(AggregateStore<DomesticHomicideReview> dhrStore, MongoTemplate mongo, EventSource source,
            Clock clock) {
        return new DhrDeadlines(dhrStore, mongo, source.serviceName(), clock);
    }

    /** The lazy deadline scan: once a minute by default. */
    @Bean
    PeriodicTask dhrDeadlineScan(DhrDeadlines deadlines, PartnershipProperties properties) {
        return new PeriodicTask("dhr-deadline-scan", properties.dhr().scanInterval(), deadlines::recordMissedDeadlines);
    }

    @Bean
    AsbCaseReviews asbCaseReviews(AggregateStore<AsbCaseReview> asbCaseReviewStore, MongoTemplate mongo,
            PartnershipProperties properties, Clock clock) {
        return new AsbCaseReviews(asbCaseReviewStore, mongo, properties.asbCaseReview().thresholds(), clock);
    }
}
