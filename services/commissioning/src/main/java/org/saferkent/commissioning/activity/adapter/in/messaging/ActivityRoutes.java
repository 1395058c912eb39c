package org.saferkent.commissioning.activity.adapter.in.messaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.saferkent.commissioning.activity.application.ActivityProjection;
import org.saferkent.commissioning.activity.application.ActivityProjection.EventRef;

/**
 * The one table of what commissioning reads, per topic: wire name → its own tolerant payload record
 * → the projection's change. Live subscriptions and the rebuild both read it, so they apply exactly
 * the same events the same way.
 */
public final class ActivityRoutes {

    /** Applies one payload to the projection. */
    @FunctionalInterface
    public interface Handler<T> {
        void apply(ActivityProjection projection, EventRef event, T payload);
    }

    public record Route<T>(String wireName, Class<T> payloadType, Handler<T> handler) {

        public void apply(ActivityProjection projection, EventRef event, Object payload) {
            handler.apply(projection, event, payloadType.cast(payload));
        }
    }

    private final Map<String, List<Route<?>>> byTopic;

    private ActivityRoutes(Map<String, List<Route<?>>> byTopic) {
        this.byTopic = byTopic;
    }

    /** The routes of each topic, in the order given. */
    public Map<String, List<Route<?>>> byTopic() {
        return byTopic;
    }

    public static ActivityRoutes of(String referrals, String victims, String rj, String disposals) {
        Map<String, List<Route<?>>> routes = new LinkedHashMap<>();
        routes.put(referrals, List.of(
                route("referrals.ReferralRouted.v1", RoutedReferral.class, ActivityProjection::referralRouted),
                route("referrals.ReferralAccepted.v1", AnsweredReferral.class, ActivityProjection::referralAccepted),
                route("referrals.ReferralDeclined.v1", AnsweredReferral.class, ActivityProjection::referralDeclined),
                route("referrals.ReferralClosed.v1", ClosedReferral.class, ActivityProjection::referralClosed),
                route("referrals.ReferralLinked.v1", LinkedReferral.class, ActivityProjection::referralLinked)));
        routes.put(victims, List.of(
                route("victims.VictimCaseOpened.v1", VictimCaseOpening.class, ActivityProjection::victimCaseOpened),
                route("victims.VictimContacted.v1", VictimContact.class, ActivityProjection::victimContacted),
                route("victims.VictimCodeDeadlineMissed.v1", MissedDeadline.class, ActivityProjection::victimDeadlineMissed),
                route("victims.VictimCodeDeadlineBreachWithdrawn.v1", WithdrawnBreach.class,
                        ActivityProjection::victimDeadlineBreachWithdrawn),
                route("victims.VictimOutcomeRecorded.v1", VictimOutcome.class, ActivityProjection::victimOutcomeRecorded),
                route("victims.VictimNeedsAssessed.v1", VictimNeedsAssessment.class, ActivityProjection::victimNeedsAssessed),
                route("victims.VictimSupportPlanAgreed.v1", VictimSupportPlan.class, ActivityProjection::victimSupportPlanAgreed),
                route("victims.VictimCaseClosed.v1", VictimClosure.class, ActivityProjection::victimCaseClosed)));
        routes.put(rj, List.of(
                route("rj.RjCaseOpened.v1", RjCaseOpening.class, ActivityProjection::rjCaseOpened),
                route("rj.RjOutcomeRecorded.v1", RjOutcome.class, ActivityProjection::rjOutcomeRecorded),
                route("rj.RjCaseClosed.v1", RjClosure.class, ActivityProjection::rjCaseClosed)));
        routes.put(disposals, List.of(
                route("rj.FirstTimeEntrantRecorded.v1", FirstTimeEntrant.class, ActivityProjection::firstTimeEntrantRecorded)));
        return new ActivityRoutes(Collections.unmodifiableMap(routes));
    }

    private static <T> Route<T> route(String wireName, Class<T> payloadType, Handler<T> handler) {
        return new Route<>(wireName, payloadType, handler);
    }
}
