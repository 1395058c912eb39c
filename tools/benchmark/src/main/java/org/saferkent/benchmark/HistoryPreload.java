package org.saferkent.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.saferkent.simulator.KentShape;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.InsertManyOptions;

/**
 * Years of history put straight into the stores and onto the topics, while the services are stopped
 * (the stack runs with {@code --infra-only}), so that the benchmark can measure a referral's cost with a
 * year, or seven, already stored.
 *
 * <p>The events come from {@link PartnershipHistory}, the generator the rebuild phase uses, with dates
 * spread over the window and ids shaped as the services derive them. The documents are the services'
 * own: {@link #captureTemplates} reads the whole chain one real referral left behind in every store
 * (the referral, its subject's history and sealed details, the victim case and its details, the RJ
 * case, commissioning's facts; not the audit trail's entries), after it went through the running stack and its
 * cases were worked and closed; each preloaded referral is a copy of such a chain with its ids renamed
 * (consistently across the chain), every date moved by the same amount, its district and quarter
 * recomputed. So the documents have the shapes the services wrote and satisfy their indexes, without the
 * benchmark knowing each service's mapping. Copies carry no pending outbox events, no relay marks, no
 * unsettled intake and no due clock (only chains whose cases closed are used), and the consumer groups
 * of the services that read these topics are placed at their end, so nothing is folded again at start.
 */
final class HistoryPreload {

    /** One preload step's figures. */
    record Figures(double fromYears, double toYears, long referrals, long documents, long events, double seconds, int templates) {

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("fromYearsAgo", fromYears);
            map.put("toYearsAgo", toYears);
            map.put("referrals", referrals);
            map.put("documentsInserted", documents);
            map.put("eventsProduced", events);
            map.put("seconds", IntakePhase.round(seconds));
            map.put("templateChains", templates);
            return map;
        }
    }

    /** The databases whose documents a referral leaves behind; ops-monitor keeps only operational records. */
    static final List<String> DATABASES = List.of("referrals", "victims", "restorative-justice", "commissioning");
    /**
     * Collections that are not per referral (or are the copies' own key material, see {@link #clone}). The
     * audit trail is a hash chain whose entries' ids are their places on it: a copy cannot join it (it would
     * take a place already held, or break the chain), and an append goes by {@code _id} whatever the trail
     * holds, so the history leaves it as the seeding run wrote it.
     */
    private static final Set<String> NOT_PER_REFERRAL = Set.of("contracts", "performance", "projection_versions", "projection_leases",
            "feed_sequence", "erasures", "subject_keys", "offending_histories", "first_time_entrant_facts", "audit_trail");
    /** Which groups read which topic (the services' bindings). */
    static final Map<String, List<String>> READERS = Map.of(
            PartnershipHistory.REFERRALS, List.of("victims", "restorative-justice", "commissioning"),
            PartnershipHistory.VICTIMS, List.of("referrals", "restorative-justice", "commissioning"),
            PartnershipHistory.RJ, List.of("referrals", "commissioning"),
            PartnershipHistory.DISPOSALS, List.of("commissioning"));

    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    /** Documents a collection gathers before they are inserted: each batch is one commit of the store (bulk-loading: see PreloadRun). */
    private static final int BATCH = 10_000;
    private static final long YEAR_MINUTES = 365L * 24 * 60 + 6 * 60;

    /** One real referral's documents in every store, keyed {@code database.collection}. */
    record Template(String referralId, Instant receivedAt, String district, boolean victimCase, boolean rjCase,
            Map<String, List<Document>> documents) {
    }

    private HistoryPreload() {
    }

    /**
     * The chains of the referrals stored so far that can be copied: self-contained (no document shared
     * with another referral's chain), settled (no due clock, no pending events, not linked to another
     * referral), with their subject seen once.
     */
    static List<Template> captureTemplates(MongoClient mongo) {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        for (String database : DATABASES) {
            for (String collection : mongo.getDatabase(database).listCollectionNames()) {
                if (!NOT_PER_REFERRAL.contains(collection)) {
                    all.put(database + "." + collection, mongo.getDatabase(database).getCollection(collection).find().into(new ArrayList<>()));
                }
            }
        }
        // which documents mention which token (ids, pseudonyms)
        Map<String, List<Map.Entry<String, Document>>> byToken = new HashMap<>();
        all.forEach((collection, docs) -> {
            for (Document doc : docs) {
                Set<String> tokens = new HashSet<>();
                Matcher m = TOKEN.matcher(doc.toJson());
                while (m.find()) {
                    tokens.add(m.group());
                }
                for (String token : tokens) {
                    byToken.computeIfAbsent(token, t -> new ArrayList<>()).add(Map.entry(collection, doc));
                }
            }
        });
        Map<Document, String> owner = new java.util.IdentityHashMap<>();
        Set<String> shared = new HashSet<>();
        Map<String, Map<String, List<Document>>> chains = new LinkedHashMap<>();
        for (Document referral : all.getOrDefault("referrals.referrals", List.of())) {
            String id = referral.getString("_id");
            Document subject = referral.get("subject", Document.class);
            List<String> tokens = new ArrayList<>(List.of(id));
            if (subject != null && subject.getString("pseudonym") != null) {
                tokens.add(subject.getString("pseudonym"));
            }
            Map<String, List<Document>> chain = new LinkedHashMap<>();
            for (String token : tokens) {
                for (Map.Entry<String, Document> hit : byToken.getOrDefault(token, List.of())) {
                    String previous = owner.putIfAbsent(hit.getValue(), id);
                    if (previous != null && !previous.equals(id)) {
                        shared.add(previous);
                        shared.add(id);
                    }
                    List<Document> docs = chain.computeIfAbsent(hit.getKey(), c -> new ArrayList<>());
                    if (docs.stream().noneMatch(d -> d == hit.getValue())) {
                        docs.add(hit.getValue());
                    }
                }
            }
            chains.put(id, chain);
        }
        List<Template> templates = new ArrayList<>();
        chains.forEach((id, chain) -> {
            if (shared.contains(id) || !settled(chain)) {
                return;
            }
            Document referral = chain.get("referrals.referrals").get(0);
            templates.add(new Template(id, referral.getDate("receivedAt").toInstant(), referral.getString("district").toLowerCase(Locale.ROOT)
                    .replace('_', '-'), chain.containsKey("victims.victim_cases"), chain.containsKey("restorative-justice.rj_cases"),
                    chain));
        });
        return templates;
    }

    private static boolean settled(Map<String, List<Document>> chain) {
        List<Document> referrals = chain.get("referrals.referrals");
        if (referrals == null || referrals.size() != 1 || referrals.get(0).get("linkedTo") != null) {
            return false;
        }
        for (Map.Entry<String, List<Document>> entry : chain.entrySet()) {
            for (Document doc : entry.getValue()) {
                if (doc.get("nextDueAt") != null || doc.get("relayLease") != null
                        || !doc.getList("pendingEvents", Object.class, List.of()).isEmpty()) {
                    return false;
                }
                if (entry.getKey().equals("referrals.subjects") && doc.getList("referralIds", Object.class, List.of()).size() != 1) {
                    return false;
                }
                if (entry.getKey().equals("victims.victim_cases") && !"CLOSED".equals(doc.getString("status"))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Puts the referrals received between {@code fromYears} and {@code toYears} years before {@code now}
     * (Kent's 102,736 a year) into the stores and onto the topics, then places the readers' groups at
     * the topics' end. The services must be stopped.
     */
    static Figures preload(MongoClient mongo, Quiescence kafka, String bootstrap, List<Template> templates, Instant now, double fromYears,
            double toYears, long seed) throws Exception {
        if (templates.isEmpty()) {
            throw new IllegalStateException("no settled referral to copy: the seeding step left none");
        }
        long started = System.nanoTime();
        int spanMinutes = (int) Math.max(1, Math.round((fromYears - toYears) * YEAR_MINUTES));
        Instant start = now.minus(Math.round(fromYears * YEAR_MINUTES), ChronoUnit.MINUTES);
        long referrals = Math.round((fromYears - toYears) * KentShape.REFERRALS_PER_YEAR);
        PartnershipHistory history = new PartnershipHistory(seed, start, spanMinutes, "preload-" + seed + "-" + fromYears + "-" + toYears);
        Random random = new Random(seed ^ 0x5eed);
        Tokens tokens = new Tokens(random);
        List<Template> withRj = templates.stream().filter(t -> t.victimCase() && t.rjCase()).toList();
        List<Template> victimOnly = templates.stream().filter(t -> t.victimCase() && !t.rjCase()).toList();
        List<Template> noVictim = templates.stream().filter(t -> !t.victimCase()).toList();

        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        Map<String, List<Document>> pending = new HashMap<>();
        Inserts inserts = new Inserts(mongo);
        long events = 0;
        AtomicLong failures = new AtomicLong();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (long n = 0; n < referrals; n++) {
                for (ProducerRecord<String, byte[]> record : history.nextReferral()) {
                    producer.send(record, (metadata, error) -> {
                        if (error != null) {
                            failures.incrementAndGet();
                        }
                    });
                    events++;
                }
                PartnershipHistory.Plan plan = history.lastPlan();
                Template template = pick(plan, withRj, victimOnly, noVictim, templates, random);
                for (Map.Entry<String, List<Document>> entry : copy(template, plan, tokens).entrySet()) {
                    List<Document> batch = pending.computeIfAbsent(entry.getKey(), c -> new ArrayList<>());
                    batch.addAll(entry.getValue());
                    if (batch.size() >= BATCH) {
                        inserts.submit(entry.getKey(), batch);
                        pending.put(entry.getKey(), new ArrayList<>());
                    }
                }
                if ((n + 1) % 20_000 == 0) {
                    System.out.printf("  preload: %,d of %,d referrals (%.0f s)%n", n + 1, referrals, (System.nanoTime() - started) / 1e9);
                }
            }
            pending.forEach(inserts::submit);
            producer.flush();
            inserts.finish();
        }
        long documents = inserts.documents.get();
        System.out.println("  preload: seconds spent inserting, per collection (over " + Inserts.WRITERS + " writers): "
                + inserts.seconds.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + " " + Math.round(e.getValue().get() / 1e9)).toList());
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " events could not be produced");
        }
        placeReadersAtEnd(kafka);
        return new Figures(fromYears, toYears, referrals, documents, events, (System.nanoTime() - started) / 1e9, templates.size());
    }

    /** The template's chain as the planned referral's: ids renamed consistently, dates moved, district and quarters its own. */
    static Map<String, List<Document>> copy(Template template, PartnershipHistory.Plan plan, Tokens tokens) {
        Map<String, String> ids = new HashMap<>();
        ids.put(template.referralId(), plan.referralId());
        Copy copy = new Copy(template, plan, ids, tokens);
        Map<String, List<Document>> copies = new LinkedHashMap<>();
        template.documents().forEach((collection, docs) -> copies.put(collection, docs.stream().map(copy::document).toList()));
        return copies;
    }

    private static Template pick(PartnershipHistory.Plan plan, List<Template> withRj, List<Template> victimOnly, List<Template> noVictim,
            List<Template> all, Random random) {
        List<Template> fitting = !plan.victimCase() ? noVictim
                : plan.pathways().contains("restorative-justice") ? withRj : victimOnly;
        if (fitting.isEmpty()) {
            fitting = victimOnly.isEmpty() ? all : victimOnly;
        }
        return fitting.get(random.nextInt(fitting.size()));
    }

    /**
     * Unordered {@code insertMany} batches from a few writers at once (a store serves concurrent batches
     * better than one after another); a bounded queue keeps the copies from running ahead of the store.
     */
    private static final class Inserts {

        static final int WRITERS = 3;

        private final MongoClient mongo;
        private final java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(WRITERS);
        private final java.util.concurrent.Semaphore queued = new java.util.concurrent.Semaphore(WRITERS * 2);
        private final java.util.concurrent.atomic.AtomicReference<RuntimeException> failure = new java.util.concurrent.atomic.AtomicReference<>();
        final AtomicLong documents = new AtomicLong();
        final Map<String, AtomicLong> seconds = new java.util.concurrent.ConcurrentHashMap<>();

        Inserts(MongoClient mongo) {
            this.mongo = mongo;
        }

        void submit(String collection, List<Document> batch) {
            if (batch.isEmpty()) {
                return;
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            queued.acquireUninterruptibly();
            writers.execute(() -> {
                try {
                    long started = System.nanoTime();
                    int dot = collection.indexOf('.');
                    mongo.getDatabase(collection.substring(0, dot)).getCollection(collection.substring(dot + 1))
                            .insertMany(batch, new InsertManyOptions().ordered(false));
                    documents.addAndGet(batch.size());
                    seconds.computeIfAbsent(collection, c -> new AtomicLong()).addAndGet(System.nanoTime() - started);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    queued.release();
                }
            });
        }

        /** Waits for every batch; a failed one fails the preload. */
        void finish() throws InterruptedException {
            writers.shutdown();
            if (!writers.awaitTermination(2, java.util.concurrent.TimeUnit.HOURS)) {
                throw new IllegalStateException("the store took more than two hours for the last batches");
            }
            if (failure.get() != null) {
                throw failure.get();
            }
        }
    }

    /**
     * Every reader of the preloaded topics starts after them: each group the services bind, and any other
     * group that has read them, is committed at the topics' end (the stack is stopped, so the groups are empty).
     */
    static void placeReadersAtEnd(Quiescence kafka) throws Exception {
        Admin admin = kafka.admin();
        Map<String, Map<TopicPartition, OffsetAndMetadata>> moves = new HashMap<>();
        Map<TopicPartition, Long> ends = new HashMap<>();
        kafka.endOffsets().forEach((partition, end) -> {
            if (READERS.containsKey(partition.topic())) {
                ends.put(partition, end);
            }
        });
        Set<String> groups = new HashSet<>();
        READERS.values().forEach(groups::addAll);
        for (var listing : admin.listGroups(org.apache.kafka.clients.admin.ListGroupsOptions.forConsumerGroups()).all().get()) {
            groups.add(listing.groupId());
        }
        for (String group : groups) {
            Set<String> reads = new HashSet<>();
            READERS.forEach((topic, readers) -> {
                if (readers.contains(group)) {
                    reads.add(topic);
                }
            });
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().keySet().stream().map(TopicPartition::topic)
                    .filter(READERS::containsKey).forEach(reads::add);
            ends.forEach((partition, end) -> {
                if (reads.contains(partition.topic())) {
                    moves.computeIfAbsent(group, g -> new HashMap<>()).put(partition, new OffsetAndMetadata(end));
                }
            });
        }
        for (Map.Entry<String, Map<TopicPartition, OffsetAndMetadata>> move : moves.entrySet()) {
            admin.alterConsumerGroupOffsets(move.getKey(), move.getValue()).all().get();
        }
    }

    /**
     * The copies' fresh ids and pseudonyms, shaped as the originals (a UUID, 64 hex digits), in the order they are
     * made: a random 24-bit mark of this load, a counter, then random digits. Most of the stores are keyed by such
     * ids, and H2 keeps a collection's documents in a B-tree by {@code _id}: random keys made every commit of a load
     * rewrite most of its leaves; keys in order go where the last one went.
     */
    static final class Tokens {

        private final Random random;
        private final long mark;
        private long next;

        Tokens(Random random) {
            this.random = random;
            this.mark = random.nextInt(1 << 24);
        }

        String fresh(String like) {
            long ordered = (mark << 40) | (next++ & ((1L << 40) - 1));
            if (like.length() == 64) {
                return String.format("%016x%016x%016x%016x", ordered, random.nextLong(), random.nextLong(), random.nextLong());
            }
            return new UUID(ordered, random.nextLong()).toString();
        }
    }

    /** One copy of a template's chain for one planned referral: ids, dates, district and quarters rewritten consistently. */
    private static final class Copy {

        private final Template template;
        private final PartnershipHistory.Plan plan;
        private final Map<String, String> ids;
        private final Tokens tokens;
        private final Duration shift;

        Copy(Template template, PartnershipHistory.Plan plan, Map<String, String> ids, Tokens tokens) {
            this.template = template;
            this.plan = plan;
            this.ids = ids;
            this.tokens = tokens;
            this.shift = Duration.between(template.receivedAt(), plan.at());
        }

        Document document(Document doc) {
            return (Document) value(null, doc);
        }

        private Object value(String key, Object value) {
            if (value instanceof Document doc) {
                Document copy = new Document();
                for (Map.Entry<String, Object> entry : doc.entrySet()) {
                    switch (entry.getKey()) {
                        case "relayDue", "relayLease", "parkedEvents" -> { } // nothing to publish
                        case "pendingEvents" -> copy.put(entry.getKey(), List.of());
                        case "pending" -> copy.put(entry.getKey(), null); // the intake finished long ago
                        case "agencyReference" -> copy.put(entry.getKey(), "PRELOAD-" + plan.referralId());
                        default -> copy.put(entry.getKey(), value(entry.getKey(), entry.getValue()));
                    }
                }
                return copy;
            }
            if (value instanceof List<?> list) {
                List<Object> copy = new ArrayList<>(list.size());
                for (Object item : list) {
                    copy.add(value(key, item));
                }
                return copy;
            }
            if (value instanceof Date date) {
                Instant at = date.toInstant();
                if (at.equals(at.truncatedTo(ChronoUnit.DAYS))) { // a LocalDate: moved by whole days
                    return Date.from(at.plus(12, ChronoUnit.HOURS).plus(shift).truncatedTo(ChronoUnit.DAYS));
                }
                return Date.from(at.plus(shift));
            }
            if (value instanceof String text) {
                return string(text);
            }
            return value;
        }

        private String string(String text) {
            if (text.equals(template.district())) {
                return plan.district();
            }
            if (text.equals(template.district().toUpperCase(Locale.ROOT).replace('-', '_'))) {
                return plan.district().toUpperCase(Locale.ROOT).replace('-', '_');
            }
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text).atTime(12, 0).toInstant(ZoneOffset.UTC).plus(shift).atZone(ZoneOffset.UTC).toLocalDate().toString();
            }
            Matcher quarter = QUARTER.matcher(text);
            if (quarter.matches()) {
                LocalDate received = LocalDate.ofInstant(template.receivedAt(), ZoneOffset.UTC);
                LocalDate first = LocalDate.of(Integer.parseInt(quarter.group(1)), (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1, 1);
                LocalDate reference = quarterOf(received).equals(text) ? received : first;
                return quarterOf(reference.atTime(12, 0).toInstant(ZoneOffset.UTC).plus(shift).atZone(ZoneOffset.UTC).toLocalDate());
            }
            Matcher token = TOKEN.matcher(text);
            if (!token.find()) {
                return text;
            }
            StringBuilder out = new StringBuilder();
            do {
                token.appendReplacement(out, Matcher.quoteReplacement(ids.computeIfAbsent(token.group(), tokens::fresh)));
            } while (token.find());
            token.appendTail(out);
            return out.toString();
        }

        private static String quarterOf(LocalDate date) {
            return date.getYear() + "-Q" + date.get(IsoFields.QUARTER_OF_YEAR);
        }
    }
}
