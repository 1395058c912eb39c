package org.saferkent.ops;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param deadLetterPattern      topics read as dead-letter topics (the destination of the deadLetterWatch binding)
 * @param lagInterval            how often consumer lag is measured (Kafka Admin API; never per request)
 * @param healthInterval         how often each service's {@code /actuator/health} is asked
 * @param healthTimeout          how long one request to a service may take (its health; its bindings, asked
 *                               for the operations page)
 * @param services               the services to watch (health) and whose consumer bindings the page shows,
 *                               each {@code name=base-url}, e.g.
 *                               {@code referrals=http://127.0.0.1:8081}; placeholders such as
 *                               {@code ${local.server.port}} are resolved at each poll
 * @param streamMaxSubscribers   live streams ({@code /api/ops/stream}) open at once; more are refused with 503
 * @param streamTimeout          how long one live stream stays open (browsers reconnect by themselves)
 * @param streamHeartbeat        how often an idle live stream gets a comment line (keeps proxies from closing it)
 * @param historySize            samples kept per series for the page's sparklines (lag, backlog)
 * @param replayClaim            how long a replay may hold a dead letter in {@code REPLAYING}, and how often
 *                               lapsed claims (a replay cut short by a crash) are returned to {@code OPEN}
 * @param latestValueTopics      topics that keep the latest value per key (compacted: the exact feed and the PCC office's): their dead
 *                               letters are never replayed, since an old value replayed would replace a newer one
 * @param deadLetters            what inspecting a dead letter shows
 */
@Validated
@ConfigurationProperties("saferkent.ops")
public record OpsProperties(
        @DefaultValue(".*\\.dlq") @NotBlank String deadLetterPattern,
        @DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration lagInterval,
        @DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration healthInterval,
        @DefaultValue("2s") @NotNull @DurationMin(millis = 1) Duration healthTimeout,
        @DefaultValue List<@NotBlank String> services,
        @DefaultValue("20") @Positive int streamMaxSubscribers,
        @DefaultValue("30m") @NotNull @DurationMin(millis = 1) Duration streamTimeout,
        @DefaultValue("15s") @NotNull @DurationMin(millis = 1) Duration streamHeartbeat,
        @DefaultValue("60") @Positive int historySize,
        @DefaultValue @Valid ReplayClaim replayClaim,
        @DefaultValue({"commissioning.feed", "commissioning.pcc-feed"}) List<@NotBlank String> latestValueTopics,
        @DefaultValue @Valid DeadLetters deadLetters) {

    /**
     * @param timeout       a replay reads one record (at most 10 s) and waits at most 10 s for the broker: a claim
     *                      older than this belongs to a replay that died
     * @param checkInterval how often lapsed claims are looked for
     */
    public record ReplayClaim(@DefaultValue("2m") @NotNull @DurationMin(millis = 1) Duration timeout,
            @DefaultValue("1m") @NotNull @DurationMin(millis = 1) Duration checkInterval) {
    }

    /**
     * @param readableFields per event type (its {@code ce_type}, written in brackets:
     *                       {@code readable-fields[referrals.ReferralRouted.v1]=referralId,district}), the payload
     *                       fields whose values inspection shows: added to the shipped allow-lists
     *                       ({@code dead-letter-readable-fields.properties}), replacing the type's list there if any.
     *                       A type misspelt would never match, and a path ({@code subject.district}) is no field
     *                       name: both stop the start.
     */
    public record DeadLetters(Map<
            @Pattern(regexp = EVENT_TYPE, message = "must be an event type (ce_type) such as referrals.ReferralRouted.v1") String,
            List<@Pattern(regexp = "([A-Za-z_][A-Za-z0-9_]*)?", message = "must be a payload field's name such as referralId") String>>
            readableFields) {

        /** {@code org.saferkent.platform.events.WireNames#FORMAT}: {@code <service>.<PastTenseName>.v<major>}. */
        static final String EVENT_TYPE = "[a-z][a-z0-9-]*\\.[A-Z][A-Za-z0-9]*\\.v[1-9][0-9]*";

        public DeadLetters {
            readableFields = readableFields == null ? Map.of() : Map.copyOf(readableFields);
        }
    }
}
