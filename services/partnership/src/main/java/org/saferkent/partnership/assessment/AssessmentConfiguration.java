package org.saferkent.partnership.assessment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.saferkent.partnership.assessment.adapter.in.messaging.LinkedReferral;
import org.saferkent.partnership.assessment.adapter.in.messaging.ReceivedReferral;
import org.saferkent.partnership.assessment.application.StrategicAssessments;
import org.saferkent.partnership.vocabulary.District;
import org.saferkent.platform.disclosure.DisclosureControl;
import org.saferkent.platform.messaging.EventBatchConsumer;
import org.saferkent.platform.messaging.IdempotentWrites;
import org.saferkent.platform.messaging.IdempotentWrites.Change;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The strategic assessment: its store, and its consumer of referrals (binding {@code assessmentReferralEvents-in-0}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssessmentProperties.class)
public class AssessmentConfiguration {

    @Bean
    StrategicAssessments strategicAssessments(MongoTemplate mongo, IdempotentWrites writes, DisclosureControl disclosure,
            AssessmentProperties properties, Clock clock) {
        return new StrategicAssessments(mongo, writes, disclosure, properties.audience(), clock);
    }

    @Bean
    AssessmentLimits assessmentLimits(AssessmentProperties properties) {
        return new AssessmentLimits(properties.maxImportSize().toBytes(), properties.maxImportRows());
    }

    /**
     * Counts each referral received, less the duplicates referrals linked to an earlier one (in either order); a district
     * or category the assessment does not know fails to the failure policy (that event alone). Batch mode: a poll's
     * events are staged, then written as one bulk write, each event once.
     */
    @Bean
    EventBatchConsumer<List<Change>> assessmentReferralEvents(StrategicAssessments assessments) {
        return EventBatchConsumer.<List<Change>>routing(ArrayList::new, changes -> assessments.applyReferrals(changes))
                .on("referrals.ReferralReceived.v1", ReceivedReferral.class, (batch, event) -> {
                    ReceivedReferral referral = event.payload();
                    District district = District.fromCode(referral.district()).orElseThrow(
                            () -> new IllegalArgumentException("district is not one of Kent's"));
                    batch.add(assessments.referralCounted(event.id(), referral.referralId(), district, referral.category(),
                            referral.receivedAt()));
                })
                .on("referrals.ReferralLinked.v1", LinkedReferral.class,
                        (batch, event) -> batch.add(assessments.duplicateMarked(event.id(), event.payload().referralId())));
    }
}
