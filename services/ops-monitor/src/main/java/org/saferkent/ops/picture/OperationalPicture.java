package org.saferkent.ops.picture;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.saferkent.ops.History;
import org.saferkent.ops.stream.OpsStream;
import org.saferkent.ops.stream.StreamEvent;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventTracing;
import org.saferkent.platform.messaging.DeadLetterHeaders;
import org.saferkent.platform.messaging.InboundEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The current operational picture, kept from {@code ops.events} and the dead-letter topics: the latest
 * events, dead letters, SLA breaches, circuit states, consumers held up by an outage and each service's
 * lifecycle and outbox backlog.
 * Every write is idempotent (ids derive from the record; state changes apply only if newer), so a
 * redelivered record changes nothing. The stored picture is written by the instance whose consumer group
 * member holds the record's partition ({@link #record}, {@link #deadLettered}); the live stream and the
 * backlog history, kept in memory, are fed on every instance from every partition ({@link #observe},
 * {@link #deadLetterSeen}: anonymous bindings), so a browser sees the same whichever instance it reaches.
 * A service's lifecycle is kept per instance: one instance stopping does not hide another that runs.
 *
 * <p>Every query is served by an index declared here (a failure to create one fails the start). The
 * unfiltered "latest" lists read their time index in order on MongoDB; the embedded store, which uses an
 * index only for a filter, reads those collections whole, as it does the small per-service ones
 * (circuits, consumer outages, service status: one document per service and circuit or topic).
 */
public class OperationalPicture {

    public static final String EVENTS = "ops_events";
    public static final String DEAD_LETTERS = "dead_letters";
    static final String BREACHES = "sla_breaches";
    static final String CIRCUITS = "circuits";
    static final String CONSUMERS = "consumer_outages";
    static final String SERVICES = "service_status";

    static final String SLA_BREACHED = "ops.SlaBreached.v1";
    static final String CIRCUIT_STATE_CHANGED = "ops.CircuitStateChanged.v1";
    static final String CONSUMER_PAUSED = "ops.ConsumerPaused.v1";
    static final String CONSUMER_RESUMED = "ops.ConsumerResumed.v1";
    static final String BACKLOG_HIGH = "ops.OutboxBacklogHigh.v1";
    static final String BACKLOG_CLEARED = "ops.OutboxBacklogCleared.v1";
    static final String SERVICE_STARTED = "ops.ServiceStarted.v1";
    static final String SERVICE_STOPPING = "ops.ServiceStopping.v1";
    static final String HEARTBEAT = "ops.ServiceHeartbeat.v1";
    private static final String INSTANCES = "instances";
    /** An instance not heard from for this long (ten default heartbeats) is not counted as running. */
    static final Duration SILENT_AFTER = Duration.ofMinutes(5);

    /**
     * A service as the ops events describe it (health comes from polling, see {@code ServiceHealth}).
     *
     * @param state     {@code STARTED} while any of its instances runs, else the latest instance's state
     *                  ({@code SILENT} for a started instance not heard from within {@link #SILENT_AFTER})
     * @param running   its instances whose latest lifecycle event is {@code STARTED} and that were heard from
     *                  (lifecycle or heartbeat) within {@link #SILENT_AFTER}: one killed without a word stops
     *                  counting then
     * @param instances its instances ever reported (each by its own lifecycle events)
     */
    public record ServiceStatus(String service, String instance, String state, Instant stateAt, Instant lastSeen,
            Long backlog, Boolean backlogHigh, Instant backlogAt, Long published, int running, int instances) {
    }

    public record Circuit(String id, String service, String circuit, String instance, String state, String fromState,
            Double failureRate, Instant changedAt) {
    }

    /**
     * A consumer of a service held up by an outage ({@code PAUSED}) or going again ({@code RESUMED}).
     *
     * @param reason the class name of the failure that held it up
     */
    public record ConsumerOutage(String id, String service, String consumerGroup, String topic, String instance, String state,
            String reason, Instant pausedAt, Instant resumedAt, Instant changedAt) {
    }

    public record Breach(String id, String service, String clock, String aggregateType, String subject, String district,
            Instant dueAt, Instant breachedAt) {
    }

    public record Count(String topic, String reason, String status, long count) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final OpsStream stream;
    private final History history;

    public OperationalPicture(MongoTemplate mongo, Clock clock, OpsStream stream, History history) {
        this.mongo = mongo;
        this.clock = clock;
        this.stream = stream;
        this.history = history;
        IndexOperations events = mongo.indexOps(EVENTS);
        events.createIndex(new Index().on("time", Sort.Direction.DESC));
        events.createIndex(new Index().on("type", Sort.Direction.ASC).on("time", Sort.Direction.DESC));
        events.createIndex(new Index().on("traceId", Sort.Direction.ASC).on("time", Sort.Direction.ASC));
        IndexOperations deadLetters = mongo.indexOps(DEAD_LETTERS);
        deadLetters.createIndex(new Index().on("seenAt", Sort.Direction.DESC));
        deadLetters.createIndex(new Index().on("status", Sort.Direction.ASC).on("seenAt", Sort.Direction.DESC));
        deadLetters.createIndex(new Index().on("traceId", Sort.Direction.ASC).on("seenAt", Sort.Direction.ASC));
        mongo.indexOps(BREACHES).createIndex(new Index().on("breachedAt", Sort.Direction.DESC));
        mongo.indexOps(CIRCUITS).createIndex(new Index().on("service", Sort.Direction.ASC).on("circuit", Sort.Direction.ASC));
        mongo.indexOps(CONSUMERS).createIndex(new Index().on("service", Sort.Direction.ASC).on("topic", Sort.Direction.ASC));
        // dead letters stored before statuses existed are open: said so once, so that "open" is one indexed value
        mongo.updateMulti(Query.query(Criteria.where("status").exists(false)), Update.update("status", DeadLetter.OPEN),
                DEAD_LETTERS);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    public void record(InboundEvent<Map> event) {
        Map<String, Object> data = event.payload() == null ? Map.of() : (Map<String, Object>) event.payload();
        String type = event.type();
        Instant time = event.metadata().time();
        if (!HEARTBEAT.equals(type)) { // heartbeats update the services' figures, they would only crowd the list
            insertOnce(new OpsEventRecord(event.id(), type, event.metadata().source(), event.metadata().subject(), time, data,
                    event.metadata().correlationId(), EventTracing.traceId(event.metadata().traceparent())), EVENTS);
        }
        String service = StreamEvent.serviceOf(data, event.metadata().source());
        switch (type) {
            case SLA_BREACHED -> insertOnce(new Breach(event.id(), service, text(data, "clock"), text(data, "aggregateType"),
                    text(data, "subject"), text(data, "district"), instant(data, "dueAt"), instant(data, "breachedAt")), BREACHES);
            case CIRCUIT_STATE_CHANGED -> circuitChanged(service, data, time);
            case CONSUMER_PAUSED -> consumerOutage(service, data, "PAUSED", instant(data, "pausedAt"), time);
            case CONSUMER_RESUMED -> consumerOutage(service, data, "RESUMED", instant(data, "resumedAt"), time);
            // when it happened, as the instance says (a report that arrives late is still ordered by it)
            case SERVICE_STARTED -> serviceState(service, text(data, "instance"), "STARTED", orElse(instant(data, "startedAt"), time));
            case SERVICE_STOPPING -> serviceState(service, text(data, "instance"), "STOPPING", orElse(instant(data, "stoppingAt"), time));
            case HEARTBEAT -> backlog(service, data, time, bool(data, "backlogHigh"));
            case BACKLOG_HIGH -> backlog(service, data, time, true);
            case BACKLOG_CLEARED -> backlog(service, data, time, false);
            default -> {
                // any other type is listed, nothing more
            }
        }
    }

    /** An ops event as every instance sees it: to the live stream, and a backlog figure to the history. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void observe(InboundEvent<Map> event) {
        Map<String, Object> data = event.payload() == null ? Map.of() : (Map<String, Object>) event.payload();
        String type = event.type();
        Instant time = event.metadata().time();
        String service = StreamEvent.serviceOf(data, event.metadata().source());
        if ((HEARTBEAT.equals(type) || BACKLOG_HIGH.equals(type) || BACKLOG_CLEARED.equals(type))
                && data.get("backlog") instanceof Number backlog) {
            history.add("backlog:" + service, time, backlog.longValue());
        }
        stream.publish(new StreamEvent(event.id(), type, StreamEvent.kindOf(type), service, event.metadata().source(),
                event.metadata().subject(), time, data));
    }

    public void deadLettered(ConsumerRecord<?, ?> record) {
        insertOnce(deadLetter(record), DEAD_LETTERS);
    }

    /** A dead letter as every instance sees it: to the live stream. */
    public void deadLetterSeen(ConsumerRecord<?, ?> record) {
        DeadLetter deadLetter = deadLetter(record);
        String id = deadLetter.id();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("topic", deadLetter.topic());
        data.put("originalTopic", deadLetter.originalTopic());
        data.put("consumerGroup", deadLetter.consumerGroup());
        data.put("failure", deadLetter.failure());
        data.put("reason", deadLetter.reason());
        data.put("eventType", deadLetter.eventType());
        data.put("eventId", deadLetter.eventId());
        stream.publish(new StreamEvent("dlq-" + id, "ops-monitor.DeadLetterSeen", "DeadLetterSeen", deadLetter.service(),
                "/saferkent/ops-monitor", id, deadLetter.seenAt(), data));
    }

    private DeadLetter deadLetter(ConsumerRecord<?, ?> record) {
        String id = record.topic() + "-" + record.partition() + "-" + record.offset();
        return new DeadLetter(id, record.topic(), record.partition(), record.offset(),
                header(record, DeadLetterHeaders.ORIGINAL_TOPIC), integer(header(record, DeadLetterHeaders.ORIGINAL_PARTITION)),
                longValue(header(record, DeadLetterHeaders.ORIGINAL_OFFSET)), header(record, DeadLetterHeaders.GROUP),
                header(record, DeadLetterHeaders.SERVICE), header(record, DeadLetterHeaders.FAILURE),
                header(record, DeadLetterHeaders.REASON), header(record, CloudEventHeaders.TYPE),
                header(record, CloudEventHeaders.ID), header(record, DeadLetterHeaders.FAILED_AT),
                EventTracing.traceId(header(record, CloudEventHeaders.TRACEPARENT)), clock.instant(),
                DeadLetter.OPEN, null, null, null, null);
    }

    public List<OpsEventRecord> latestEvents(int limit, String type) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "time")).limit(limit);
        if (type != null) {
            query.addCriteria(Criteria.where("type").is(type));
        }
        return mongo.find(query, OpsEventRecord.class, EVENTS);
    }

    public List<DeadLetter> latestDeadLetters(int limit, String status) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "seenAt")).limit(limit);
        if (status != null && !status.isBlank()) {
            String wanted = status.trim().toUpperCase();
            query.addCriteria(Criteria.where("status").is(wanted)); // every dead letter has its status (constructor)
        }
        return mongo.find(query, DeadLetter.class, DEAD_LETTERS);
    }

    public Optional<DeadLetter> deadLetter(String id) {
        return Optional.ofNullable(mongo.findById(id, DeadLetter.class, DEAD_LETTERS));
    }

    /** Dead letters by topic, reason and status (the latest {@code window} of them). */
    public List<Count> deadLetterCounts(int window) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "seenAt")).limit(window);
        query.fields().include("topic").include("reason").include("status");
        Map<List<String>, Long> counts = new LinkedHashMap<>();
        for (Document doc : mongo.find(query, Document.class, DEAD_LETTERS)) {
            String status = doc.getString("status") == null ? DeadLetter.OPEN : doc.getString("status");
            counts.merge(List.of(String.valueOf(doc.getString("topic")), String.valueOf(doc.getString("reason")), status), 1L, Long::sum);
        }
        List<Count> result = new ArrayList<>();
        counts.forEach((key, count) -> result.add(new Count(key.get(0), key.get(1), key.get(2), count)));
        result.sort(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::topic));
        return result;
    }

    public List<Breach> latestBreaches(int limit) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "breachedAt")).limit(limit), Breach.class, BREACHES);
    }

    public long breachCount() {
        return mongo.estimatedCount(BREACHES); // the collection's own count: counting every document would read them all
    }

    public List<Circuit> circuits() {
        return mongo.find(new Query().with(Sort.by("service", "circuit")), Circuit.class, CIRCUITS);
    }

    /** Every consumer that has been held up by an outage, the ones held up now first. */
    public List<ConsumerOutage> consumerOutages() {
        List<ConsumerOutage> all = new ArrayList<>(mongo.find(new Query().with(Sort.by("service", "topic")), ConsumerOutage.class,
                CONSUMERS));
        all.sort(Comparator.comparing((ConsumerOutage c) -> !"PAUSED".equals(c.state())));
        return all;
    }

    public List<ServiceStatus> services() {
        List<ServiceStatus> services = new ArrayList<>();
        for (Document doc : mongo.find(new Query().with(Sort.by("_id")), Document.class, SERVICES)) {
            services.add(status(doc));
        }
        return services;
    }

    /** One service's document: its instances' lifecycles (a document from before instances were kept: its own). */
    private ServiceStatus status(Document doc) {
        Date heardSince = Date.from(clock.instant().minus(SILENT_AFTER));
        String state = doc.getString("state");
        Instant stateAt = instant(doc.getDate("stateAt"));
        String instance = doc.getString("instance");
        int running = "STARTED".equals(state) ? 1 : 0;
        int count = state == null ? 0 : 1;
        if (doc.get(INSTANCES) instanceof Document instances && !instances.isEmpty()) {
            running = 0;
            count = instances.size();
            Document latest = null;
            Document latestRunning = null;
            for (Object value : instances.values()) {
                if (!(value instanceof Document one) || one.getDate("stateAt") == null) {
                    continue;
                }
                if (latest == null || one.getDate("stateAt").after(latest.getDate("stateAt"))) {
                    latest = one;
                }
                Date heard = one.getDate("lastSeen") != null ? one.getDate("lastSeen") : one.getDate("stateAt");
                if ("STARTED".equals(one.getString("state")) && !heard.before(heardSince)) {
                    running++;
                    if (latestRunning == null || one.getDate("stateAt").after(latestRunning.getDate("stateAt"))) {
                        latestRunning = one;
                    }
                }
            }
            Document shown = latestRunning != null ? latestRunning : latest;
            if (shown != null) {
                // started, but not heard from since: killed without a word, or cut off
                state = latestRunning == null && "STARTED".equals(shown.getString("state")) ? "SILENT" : shown.getString("state");
                stateAt = instant(shown.getDate("stateAt"));
                instance = shown.getString("instance");
            }
        }
        Object backlog = doc.get("backlog");
        Object published = doc.get("published");
        return new ServiceStatus(doc.getString("service"), instance, state, stateAt, instant(doc.getDate("lastSeen")),
                backlog instanceof Number n ? n.longValue() : null, doc.getBoolean("backlogHigh"),
                instant(doc.getDate("backlogAt")), published instanceof Number n ? n.longValue() : null, running, count);
    }

    private static Instant orElse(Instant instant, Instant otherwise) {
        return instant != null ? instant : otherwise;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** Ops events and dead letters that belong to one trace (the W3C trace id carried by ce_traceparent). */
    public Map<String, Object> trace(String traceId) {
        Map<String, Object> found = new LinkedHashMap<>();
        found.put("traceId", traceId);
        found.put("events", mongo.find(Query.query(Criteria.where("traceId").is(traceId)).with(Sort.by("time")),
                OpsEventRecord.class, EVENTS));
        found.put("deadLetters", mongo.find(Query.query(Criteria.where("traceId").is(traceId)).with(Sort.by("seenAt")),
                DeadLetter.class, DEAD_LETTERS));
        return found;
    }

    private void circuitChanged(String service, Map<String, Object> data, Instant time) {
        String circuit = text(data, "circuit");
        if (circuit == null) {
            return;
        }
        String id = service + "/" + circuit;
        Instant changedAt = instant(data, "changedAt") != null ? instant(data, "changedAt") : time;
        mongo.upsert(Query.query(Criteria.where("_id").is(id)),
                new Update().setOnInsert("service", service).setOnInsert("circuit", circuit), CIRCUITS);
        Object rate = data.get("failureRate");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).orOperator(
                        Criteria.where("changedAt").exists(false), Criteria.where("changedAt").lte(changedAt))),
                new Update().set("state", text(data, "toState")).set("fromState", text(data, "fromState"))
                        .set("instance", text(data, "instance")).set("changedAt", changedAt)
                        .set("failureRate", rate instanceof Number n ? n.doubleValue() : null), CIRCUITS);
    }

    private void consumerOutage(String service, Map<String, Object> data, String state, Instant at, Instant time) {
        String topic = text(data, "topic");
        if (topic == null) {
            return;
        }
        String id = service + "/" + topic;
        Instant changedAt = at != null ? at : time;
        mongo.upsert(Query.query(Criteria.where("_id").is(id)),
                new Update().setOnInsert("service", service).setOnInsert("topic", topic), CONSUMERS);
        Update update = new Update().set("state", state).set("consumerGroup", text(data, "consumerGroup"))
                .set("instance", text(data, "instance")).set("changedAt", changedAt)
                .set("pausedAt", instant(data, "pausedAt"));
        if ("PAUSED".equals(state)) {
            update.set("reason", text(data, "reason")).unset("resumedAt");
        } else {
            update.set("resumedAt", changedAt);
        }
        // a report that arrives late (an older outage, or the pause after its own resumption) changes nothing
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).orOperator(
                Criteria.where("changedAt").exists(false), Criteria.where("changedAt").lte(changedAt))), update, CONSUMERS);
    }

    /** An instance's lifecycle, under its own key: a late report (older than the one kept) changes nothing. */
    private void serviceState(String service, String instance, String state, Instant time) {
        seen(service, time);
        String key = INSTANCES + "." + instanceKey(instance);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(service).orOperator(
                        Criteria.where(key + ".stateAt").exists(false), Criteria.where(key + ".stateAt").lte(time))),
                new Update().set(key + ".state", state).set(key + ".stateAt", time).set(key + ".instance", instance)
                        .max(key + ".lastSeen", time), SERVICES);
    }

    /** A field name for an instance id: no dots or dollars (they mean paths and operators to the store). */
    static String instanceKey(String instance) {
        return instance == null || instance.isBlank() ? "unknown" : instance.replaceAll("[.$]", "_");
    }

    private void backlog(String service, Map<String, Object> data, Instant time, boolean high) {
        seen(service, time);
        Long backlog = data.get("backlog") instanceof Number n ? n.longValue() : null;
        Update update = new Update().set("backlogHigh", high).set("backlogAt", time).set("backlog", backlog);
        if (data.get("published") instanceof Number published) {
            update.set("published", published.longValue());
        }
        if (data.get("instance") instanceof String instance) {
            update.set("instance", instance);
            // a heartbeat says the instance lives; it never creates an instance its lifecycle has not named
            mongo.updateFirst(Query.query(Criteria.where("_id").is(service).and(INSTANCES + "." + instanceKey(instance)).exists(true)),
                    new Update().max(INSTANCES + "." + instanceKey(instance) + ".lastSeen", time), SERVICES);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(service).orOperator(
                Criteria.where("backlogAt").exists(false), Criteria.where("backlogAt").lte(time))), update, SERVICES);
    }

    private void seen(String service, Instant time) {
        mongo.upsert(Query.query(Criteria.where("_id").is(service)),
                new Update().setOnInsert("service", service).max("lastSeen", time), SERVICES);
    }

    public List<History.Sample> backlogHistory(String service) {
        return history.of("backlog:" + service);
    }

    private boolean insertOnce(Object document, String collection) {
        try {
            mongo.insert(document, collection);
            return true;
        } catch (DuplicateKeyException seenBefore) {
            return false; // redelivered: already recorded
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return CloudEventHeaders.get(record.headers(), name);
    }

    private static String text(Map<String, Object> data, String field) {
        return data.get(field) instanceof String value ? value : null;
    }

    private static boolean bool(Map<String, Object> data, String field) {
        return data.get(field) instanceof Boolean value && value;
    }

    private static Instant instant(Map<String, Object> data, String field) {
        try {
            return data.get(field) instanceof String value ? Instant.parse(value) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longValue(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
