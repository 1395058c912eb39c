package org.saferkent.commissioning.contract.pact;

import java.util.Map;
import java.util.stream.Collectors;

import au.com.dius.pact.core.model.messaging.Message;
import org.saferkent.commissioning.activity.adapter.in.messaging.ActivityRoutes;
import org.saferkent.platform.events.EventMetadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.contracts.PactMessages.envelope;
import static org.saferkent.contracts.PactMessages.payload;

/**
 * Reads a pact message the way commissioning's live subscriptions and its rebuild do: the envelope,
 * then the payload class its one routing table ({@link ActivityRoutes}) names for the wire name.
 */
final class CommissioningRoutes {

    private static final Map<String, Class<?>> PAYLOAD_TYPES = ActivityRoutes
            .of("referrals.referral.events", "victims.case.events", "rj.case.events", "rj.disposal.events")
            .byTopic().values().stream().flatMap(java.util.List::stream)
            .collect(Collectors.toMap(ActivityRoutes.Route::wireName, ActivityRoutes.Route::payloadType));

    private CommissioningRoutes() {
    }

    static <T> T read(Message message, Class<T> expected) {
        EventMetadata metadata = envelope(message);
        Class<?> routed = PAYLOAD_TYPES.get(metadata.type());
        assertThat(routed).as("commissioning routes " + metadata.type()).isEqualTo(expected);
        return expected.cast(payload(message, routed));
    }
}
