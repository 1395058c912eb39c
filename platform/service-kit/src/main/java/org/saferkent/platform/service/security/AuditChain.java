package org.saferkent.platform.service.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Appends entries to one hash chain of the audit trail. Each entry names its chain and its place on it
 * ({@code seq}, from 1), carries the hash of the entry before it ({@code prev}) and its own ({@code hash},
 * SHA-256 over a canonical encoding of every field and {@code prev}: {@link #hashOf}).
 *
 * <p>An append is one insert. The store has no transactions, and several instances of a service may share
 * a chain: an entry's id is its place ({@code <chain>:<seq>}, {@link #idOf}), so the store's unique {@code _id}
 * index lets only one entry take each place (no further unique index to keep), and a writer that
 * lost the race (a duplicate key) reads the head again and retries after a short random pause; the chain
 * cannot fork. (Instances that write a great deal can each be given a chain of their own,
 * {@code saferkent.audit.chain}, and never race.) Within one
 * instance appends are serialised and the head is kept in memory, so the store is only read at start, after
 * a lost race or after a failed write (when it is not known whether the entry landed). A crash cannot leave
 * half an entry: an insert lands whole or not at all, and the next append continues from whatever is the head.
 */
final class AuditChain {

    /** Tries at one append when other instances keep taking the place first (each after a short random pause). */
    static final int MAX_ATTEMPTS = 50;
    private static final byte[] VERSION = "saferkent-audit-v1".getBytes(StandardCharsets.UTF_8);

    private final MongoTemplate mongo;
    private final String collection;
    private final String chain;
    private long headSeq = -1; // -1: not known, read it from the store
    private String headHash;

    AuditChain(MongoTemplate mongo, String collection, String chain) {
        this.mongo = mongo;
        this.collection = collection;
        this.chain = chain;
        // the head, and the verifier's walk in order
        mongo.indexOps(collection).createIndex(new Index().on("chain", Sort.Direction.ASC).on("seq", Sort.Direction.ASC)
                .named("chain_seq"));
    }

    /** An entry's id: its place on its chain, so that no two entries can hold one place. */
    static String idOf(String chain, long seq) {
        return chain + ":" + seq;
    }

    String chain() {
        return chain;
    }

    /**
     * Puts an entry on the chain.
     *
     * @param entry makes the entry for a place on the chain (chain, seq, prev; no hash yet)
     * @return the entry as stored
     */
    synchronized AuditEntry append(Function<Place, AuditEntry> entry) {
        for (int attempt = 1; ; attempt++) {
            if (headSeq < 0) {
                readHead();
            }
            AuditEntry next = entry.apply(new Place(chain, headSeq + 1, headHash));
            next = next.withHash(hashOf(next));
            try {
                mongo.insert(next, collection);
            } catch (DuplicateKeyException lostRace) {
                headSeq = -1;
                if (attempt >= MAX_ATTEMPTS) {
                    throw lostRace;
                }
                // another instance took the place: let the racers part before reading the head again
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(Math.min(attempt, 10) * 1_000_000L + 1));
                continue;
            } catch (RuntimeException unknown) {
                headSeq = -1; // it may have landed all the same: the next append reads the head
                throw unknown;
            }
            headSeq = next.seq();
            headHash = next.hash();
            return next;
        }
    }

    private void readHead() {
        Query last = new Query(Criteria.where("chain").is(chain)).with(Sort.by(Sort.Direction.DESC, "seq")).limit(1);
        AuditEntry head = mongo.findOne(last, AuditEntry.class, collection);
        headSeq = head == null ? 0 : head.seq();
        headHash = head == null ? null : head.hash();
    }

    /** Where the next entry goes: its chain, its seq, and the hash of the entry before it; {@link #id} its id. */
    record Place(String chain, long seq, String prev) {

        String id() {
            return idOf(chain, seq);
        }
    }

    /** The store keeps milliseconds: an entry's time is cut to them before it is hashed. */
    static Instant storedTime(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * SHA-256, in hex, of the entry's fields in a fixed order, each as a marker byte (absent or present),
     * then its length and UTF-8 bytes: no two different entries encode alike. The time is the epoch
     * millisecond; {@code id} and {@code prev} are included, {@code hash} is not.
     */
    static String hashOf(AuditEntry entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        out.writeBytes(VERSION);
        for (String field : new String[] {entry.id(), entry.at() == null ? null : Long.toString(entry.at().toEpochMilli()),
                entry.service(), entry.clientId(), entry.subject(), entry.agency(), entry.action(), entry.resource(),
                entry.recordId(), entry.purpose(), entry.outcome(), entry.reason(), entry.chain(),
                entry.seq() == null ? null : Long.toString(entry.seq()), entry.prev()}) {
            if (field == null) {
                out.write(0);
            } else {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                out.write(1);
                out.write(bytes.length >>> 24);
                out.write(bytes.length >>> 16);
                out.write(bytes.length >>> 8);
                out.write(bytes.length);
                out.writeBytes(bytes);
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
