package org.saferkent.commissioning.activity.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.saferkent.commissioning.activity.adapter.in.messaging.FirstTimeEntrant;
import org.saferkent.commissioning.activity.adapter.in.messaging.RoutedReferral;
import org.saferkent.commissioning.activity.adapter.in.messaging.VictimCaseOpening;
import org.saferkent.commissioning.activity.adapter.in.messaging.VictimOutcome;
import org.saferkent.commissioning.activity.application.ActivityProjection.EventRef;

/**
 * Facts come out the same whatever order events from different topics arrive in, an event applied
 * twice changes nothing, and nothing personal is kept.
 */
class ActivityProjectionTest {

    private static final Instant T = Instant.parse("2026-07-14T09:00:00Z");

    private final List<Consumer<ActivityProjection>> events = List.of(
            p -> p.victimCaseOpened(ref("e1"), new VictimCaseOpening("vc-r1", "r1", "maidstone", "victim-support", T, false,
                    T.plusSeconds(5 * 86400))),
            p -> p.victimOutcomeRecorded(ref("e2"), new VictimOutcome("vc-r1", "maidstone",
                    Map.of("drugs-alcohol", "improved", "finance-benefits", "not-improved"), true, T.plusSeconds(86400))),
            p -> p.victimOutcomeRecorded(ref("e3"), new VictimOutcome("vc-r1", "maidstone",
                    Map.of("drugs-alcohol", "sustained"), false, T.plusSeconds(2 * 86400))),
            p -> p.referralRouted(ref("e4"), new RoutedReferral("r1", "maidstone", "victim-support", T.minusSeconds(3600))),
            p -> p.firstTimeEntrantRecorded(ref("e5"), new FirstTimeEntrant("d2", "swale", "2026-Q3",
                    LocalDate.of(2026, 7, 1), 15, "d1", T)),
            p -> p.firstTimeEntrantRecorded(ref("e6"), new FirstTimeEntrant("d1", "swale", "2026-Q3",
                    LocalDate.of(2026, 8, 1), 15, null, T)));

    @Test
    void theOrderOfEventsAndTheirRedeliveryDoNotChangeTheFacts() {
        MemoryFacts inOrder = fold(events);
        List<Consumer<ActivityProjection>> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);
        List<Consumer<ActivityProjection>> twice = new ArrayList<>(reversed);
        twice.addAll(events);

        MemoryFacts otherOrder = fold(twice);

        for (FactKind kind : FactKind.values()) {
            assertThat(comparable(otherOrder.documents(kind))).as(kind.name()).isEqualTo(comparable(inOrder.documents(kind)));
        }
        Document fte = inOrder.documents(FactKind.FIRST_TIME_ENTRANT).stream().filter(d -> "d1".equals(d.get("_id"))).findFirst().orElseThrow();
        assertThat(fte.getBoolean("superseded")).isTrue();
    }

    /**
     * A rebuild keeps most facts encoded (only the recently applied ones decoded): a fact encoded and decoded
     * between its events, or redelivered to while encoded, comes out as the one held decoded throughout, and is
     * inserted as the same document.
     */
    @Test
    void factsHeldEncodedBetweenTheirEventsComeOutTheSame() {
        List<Consumer<ActivityProjection>> twice = new ArrayList<>(events);
        twice.addAll(events);
        MemoryFacts decoded = new MemoryFacts();
        MemoryFacts encoded = new MemoryFacts(1);
        twice.forEach(event -> event.accept(new ActivityProjection(decoded, "restorative-justice")));
        twice.forEach(event -> event.accept(new ActivityProjection(encoded, "restorative-justice")));

        for (FactKind kind : FactKind.values()) {
            List<Document> inserted = new ArrayList<>();
            encoded.encoded(kind, 2, batch -> batch.forEach(raw -> inserted.add(raw.decode(new org.bson.codecs.DocumentCodec()))));
            assertThat(inserted).as(kind.name()).containsExactlyInAnyOrderElementsOf(decoded.documents(kind));
        }
        Document outcome = encoded.documents(FactKind.VICTIM_CASE).get(0);
        assertThat(outcome.getList(MemoryFacts.APPLIED_EVENTS, String.class)).containsExactly("e1", "e2", "e3");
        assertThat(outcome.getBoolean(LiveFacts.DIRTY)).isFalse();
        assertThat(encoded.size()).isEqualTo(decoded.size()).isEqualTo(4);
    }

    @Test
    void aDayIsTheDayInKentAndEveryQuarterTouchedIsRecorded() {
        MemoryFacts facts = new MemoryFacts();
        ActivityProjection projection = new ActivityProjection(facts, "restorative-justice");

        // 23:30 UTC on 30 June is 00:30 on 1 July in Kent (BST)
        projection.referralRouted(ref("e1"), new RoutedReferral("r9", "dover", "victim-support", Instant.parse("2026-06-30T23:30:00Z")));

        Document fact = facts.documents(FactKind.REFERRAL).get(0);
        assertThat(fact.getString("routedOn")).isEqualTo("2026-07-01");
        assertThat(fact.getList(FactChange.QUARTERS, String.class)).containsExactly("2026-Q3");
    }

    /**
     * A deadline is the first instant after its last day (met if done before it): the day it is due, and the
     * quarter it counts in, is that last day. Due at the end of Tuesday 31 March 2026 is due on 31 March, in
     * the first quarter, not on 1 April in the second.
     */
    @Test
    void aDeadlineIsDueOnItsLastDayNotOnTheDayAfter() {
        MemoryFacts facts = new MemoryFacts();
        ActivityProjection projection = new ActivityProjection(facts, "restorative-justice");
        Instant endOf31March = Instant.parse("2026-03-31T23:00:00Z"); // midnight in Kent (BST) starting 1 April

        projection.victimCaseOpened(ref("e1"), new VictimCaseOpening("vc-r7", "r7", "thanet", "victim-support",
                Instant.parse("2026-03-27T10:00:00Z"), false, endOf31March));
        projection.victimDeadlineMissed(ref("e2"), new org.saferkent.commissioning.activity.adapter.in.messaging.MissedDeadline(
                "vc-r7", "thanet", "first-contact", endOf31March, endOf31March.plusSeconds(60)));

        Document fact = facts.documents(FactKind.VICTIM_CASE).get(0);
        assertThat(fact.getString("firstContactDueOn")).isEqualTo("2026-03-31");
        assertThat(((Document) fact.get("missed")).getString("first-contact")).isEqualTo("2026-03-31");
        assertThat(fact.getList(FactChange.QUARTERS, String.class)).containsExactly("2026-Q1");
    }

    /** A breach withdrawn is kept beside the miss, so the fact is the same whichever arrives first. */
    @Test
    void aWithdrawnBreachIsTheSameFactWhicheverArrivesFirst() {
        Instant due = Instant.parse("2026-03-31T23:00:00Z");
        Consumer<ActivityProjection> missed = p -> p.victimDeadlineMissed(ref("e2"),
                new org.saferkent.commissioning.activity.adapter.in.messaging.MissedDeadline("vc-r7", "thanet", "first-contact", due,
                        due.plusSeconds(60)));
        Consumer<ActivityProjection> withdrawn = p -> p.victimDeadlineBreachWithdrawn(ref("e3"),
                new org.saferkent.commissioning.activity.adapter.in.messaging.WithdrawnBreach("vc-r7", "thanet", "first-contact", due,
                        due.minusSeconds(3600)));

        List<Document> inOrder = fold(List.of(missed, withdrawn)).documents(FactKind.VICTIM_CASE);
        List<Document> reversed = fold(List.of(withdrawn, missed)).documents(FactKind.VICTIM_CASE);

        assertThat(comparable(reversed)).isEqualTo(comparable(inOrder));
        assertThat(((Document) inOrder.get(0).get("withdrawn")).getString("first-contact")).isEqualTo("2026-03-31");
    }

    private static MemoryFacts fold(List<Consumer<ActivityProjection>> events) {
        MemoryFacts facts = new MemoryFacts();
        ActivityProjection projection = new ActivityProjection(facts, "restorative-justice");
        events.forEach(event -> event.accept(projection));
        return facts;
    }

    /** The facts without the order-dependent bookkeeping (markers, the order quarters and days were added in). */
    private static List<String> comparable(List<Document> docs) {
        return docs.stream().map(doc -> {
            Document copy = new Document(doc);
            copy.remove(MemoryFacts.APPLIED_EVENTS);
            for (String set : List.of(FactChange.QUARTERS, FactChange.DAYS)) {
                if (copy.get(set) instanceof List<?> list) {
                    copy.put(set, list.stream().map(String::valueOf).sorted().toList());
                }
            }
            return canonical(copy).toString();
        }).sorted().toList();
    }

    /** Field order does not matter to a document's meaning: sort it away, at every level. */
    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((key, nested) -> sorted.put(String.valueOf(key), canonical(nested)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ActivityProjectionTest::canonical).toList();
        }
        return value;
    }

    private static EventRef ref(String id) {
        return new EventRef(id, T);
    }
}
