package org.saferkent.platform.service.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The append-only audit trail (MongoDB collection {@value #COLLECTION}): every read of personal data
 * and every refused request, with who, what, when and why. Entries are only ever inserted: this class
 * has no way to change or remove one, each is on a hash chain ({@link AuditChain}) that
 * {@link AuditChainVerifier} checks, and in the compose stack the service writes them as a user that may
 * only find and insert them ({@code saferkent.audit.mongodb.uri}).
 *
 * <p>{@link #find} is served by the indexes declared here whatever filter it is given, but for none at all:
 * the whole trail newest first reads the {@code at} index on MongoDB, and the embedded store reads it whole.
 */
public class PersonalDataAudit implements AccessDecisions {

    public static final String COLLECTION = "audit_trail";
    /** The request header naming why personal data is read. */
    public static final String PURPOSE_HEADER = "X-Access-Purpose";
    public static final String ALLOWED = "allowed";
    public static final String DENIED = "denied";
    static final int MAX_PATH = 200;
    private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private final MongoTemplate mongo;
    private final String service;
    private final Clock clock;
    private final AuditChain chain;

    /** The trail on the service's own chain (named after it). */
    public PersonalDataAudit(MongoTemplate mongo, String service, Clock clock) {
        this(mongo, service, service, clock);
    }

    /**
     * @param chain the hash chain this instance appends to: instances sharing one take turns through the
     *              store's unique index; each may have its own
     */
    public PersonalDataAudit(MongoTemplate mongo, String service, String chain, Clock clock) {
        this.mongo = mongo;
        this.service = service;
        this.clock = clock;
        this.chain = new AuditChain(mongo, COLLECTION, chain);
        // find's filters are all optional: each index starts with the equalities it serves, the time range last
        IndexOperations indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("at", Sort.Direction.DESC));
        indexes.createIndex(new Index().on("recordId", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
        indexes.createIndex(new Index().on("clientId", Sort.Direction.ASC).on("outcome", Sort.Direction.ASC)
                .on("at", Sort.Direction.DESC));
        indexes.createIndex(new Index().on("outcome", Sort.Direction.ASC).on("action", Sort.Direction.ASC)
                .on("at", Sort.Direction.DESC));
        indexes.createIndex(new Index().on("action", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
    }

    /**
     * Records a read of personal data by the current caller.
     *
     * @param resource       the kind of record ({@code referral-subject}, {@code victim-details})
     * @param defaultPurpose the purpose when the request names none
     * @param found          whether there was anything to hand out
     */
    public void personalDataRead(HttpServletRequest request, String resource, String recordId, String defaultPurpose,
            boolean found) {
        personalDataRead(request, resource, recordId, defaultPurpose, found ? "found" : "not-held");
    }

    /**
     * Records a read of personal data with what came of it: {@code found}, {@code not-held}, or
     * {@code erased} (the subject's key was destroyed: the attempt is on the trail all the same).
     */
    public void personalDataRead(HttpServletRequest request, String resource, String recordId, String defaultPurpose,
            String result) {
        Caller caller = Caller.current().orElse(null);
        insert(caller, "read-personal-data", resource, recordId, purposeOf(request, defaultPurpose), ALLOWED, result);
    }

    /**
     * Records an erasure of personal data (its data key destroyed: crypto-shredding) under the current caller's name:
     * the subject of their token (the data protection officer's), with its client and agency.
     *
     * @param resource the kind of record ({@code dhr-personal-details})
     * @param result   what came of it ({@code erased}: the count of keys destroyed is the caller's to add)
     */
    public void personalDataErased(HttpServletRequest request, String resource, String recordId, String result) {
        insert(Caller.current().orElse(null), "erase-personal-data", resource, recordId, purposeOf(request, "erasure-request"),
                ALLOWED, result);
    }

    /**
     * Records what an operator did to the running service (e.g. {@code pause-binding} on a consumer
     * binding) under the current caller's name: the subject of their token, a person's own when they act
     * from the operations page.
     *
     * @param resource what kind of thing was acted on ({@code binding})
     * @param recordId its name ({@code victimEvents-in-0})
     * @param result   what came of it ({@code paused}, {@code resumed}, ...)
     */
    public void operatorAction(String action, String resource, String recordId, String result) {
        insert(Caller.current().orElse(null), action, resource, recordId, null, ALLOWED, result);
    }

    @Override
    public void denied(HttpServletRequest request, Caller caller, String reason) {
        insert(caller, "request", request.getMethod() + " " + boundedPath(request.getRequestURI()), null,
                purposeOf(request, null), DENIED, reason);
    }

    @Override
    public void deniedInBulk(long count, Instant since, String reason) {
        insert(null, "request", "requests refused in bulk", null, null, DENIED,
                reason + ": " + count + " more since " + since + ", counted, not recorded one by one");
    }

    /** The path as the caller chose it, cut to {@value #MAX_PATH} characters: a refusal cannot fill the trail. */
    static String boundedPath(String path) {
        if (path == null) {
            return "";
        }
        StringBuilder bounded = new StringBuilder(Math.min(path.length(), MAX_PATH + 20));
        for (int i = 0; i < path.length() && bounded.length() < MAX_PATH; i++) {
            char c = path.charAt(i);
            bounded.append(Character.isISOControl(c) ? '?' : c);
        }
        if (path.length() > MAX_PATH) {
            bounded.append("...(").append(path.length()).append(" chars)");
        }
        return bounded.toString();
    }

    /** The latest entries first, filtered by whatever is given. */
    public List<AuditEntry> find(AuditQuery filter) {
        Criteria criteria = new Criteria();
        if (filter.clientId() != null) {
            criteria = criteria.and("clientId").is(filter.clientId());
        }
        if (filter.recordId() != null) {
            criteria = criteria.and("recordId").is(filter.recordId());
        }
        if (filter.outcome() != null) {
            criteria = criteria.and("outcome").is(filter.outcome());
        }
        if (filter.action() != null) {
            criteria = criteria.and("action").is(filter.action());
        }
        if (filter.from() != null || filter.to() != null) {
            Criteria at = criteria.and("at");
            if (filter.from() != null) {
                at = at.gte(filter.from());
            }
            if (filter.to() != null) {
                at = at.lt(filter.to());
            }
        }
        Query query = new Query(criteria).with(Sort.by(Sort.Direction.DESC, "at")).limit(filter.limit());
        return mongo.find(query, AuditEntry.class, COLLECTION);
    }

    /** Checks every chain on the trail: see {@link AuditChainVerifier}. */
    public AuditChainVerifier.Report verify() {
        return new AuditChainVerifier(mongo, COLLECTION).verify();
    }

    private void insert(Caller caller, String action, String resource, String recordId, String purpose, String outcome,
            String reason) {
        chain.append(place -> new AuditEntry(place.id(), AuditChain.storedTime(clock.instant()), service,
                caller == null ? null : caller.clientId(), caller == null ? null : caller.subject(),
                caller == null ? null : caller.agency(), action, resource, recordId, purpose, outcome, reason,
                place.chain(), place.seq(), place.prev(), null));
    }

    /** The purpose the caller declared, if it is a plain word; anything else is not echoed into the trail. */
    private static String purposeOf(HttpServletRequest request, String defaultPurpose) {
        String declared = request.getHeader(PURPOSE_HEADER);
        if (declared == null || declared.isBlank()) {
            return defaultPurpose;
        }
        return PURPOSE.matcher(declared.trim()).matches() ? declared.trim() : "unreadable";
    }
}
