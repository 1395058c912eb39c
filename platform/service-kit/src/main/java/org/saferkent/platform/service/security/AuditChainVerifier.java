package org.saferkent.platform.service.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Walks every hash chain of the audit trail in order of {@code seq} and reports, per chain, the first entry
 * that is not as it was written:
 * <ul>
 * <li>{@code changed}: its hash is not the hash of its fields (a field was edited);</li>
 * <li>{@code removed}: entries are missing before it (its seq is not the one after the last);</li>
 * <li>{@code out-of-order}: it is whole, but it does not follow the entry before it (its {@code prev} is not that
 * entry's hash, or its seq was seen already): an entry was inserted, moved or replaced here.</li>
 * </ul>
 * What it cannot see: entries removed from the end of a chain, or a whole chain rewritten by someone who may
 * update the collection (the head is not anchored anywhere else). Reads the trail through the {@code (chain, seq)}
 * index one entry at a time; memory does not grow with the trail.
 */
public final class AuditChainVerifier {

    /**
     * Entries that are on no chain (written before the trail was chained) are counted, not checked: from the
     * collection's metadata, so the figure is as exact as MongoDB's estimated count.
     */
    public record Report(boolean intact, List<ChainReport> chains, long unchained) {
    }

    /**
     * @param entries how many entries were read before the first problem (all of them when there is none)
     * @param headSeq the last entry's seq when the chain is intact
     * @param problem the first problem, or {@code null}
     */
    public record ChainReport(String chain, long entries, Long headSeq, String headHash, Problem problem) {
    }

    /** @param kind {@code changed}, {@code removed} or {@code out-of-order} */
    public record Problem(long seq, String id, String kind, String detail) {
    }

    private final MongoTemplate mongo;
    private final String collection;

    public AuditChainVerifier(MongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    public Report verify() {
        List<String> names = mongo.findDistinct(new Query(Criteria.where("chain").exists(true)), "chain", collection,
                String.class);
        List<ChainReport> chains = new ArrayList<>();
        for (String name : names.stream().sorted().toList()) {
            chains.add(verify(name));
        }
        // the collection's own count less the chained ones (through the index): no read of the whole collection
        long chained = mongo.count(new Query(Criteria.where("chain").exists(true)), collection);
        long unchained = Math.max(0, mongo.estimatedCount(collection) - chained);
        return new Report(chains.stream().allMatch(chain -> chain.problem() == null), chains, unchained);
    }

    ChainReport verify(String chain) {
        Query inOrder = new Query(Criteria.where("chain").is(chain)).with(Sort.by(Sort.Direction.ASC, "seq"));
        long expected = 1;
        String prev = null;
        long entries = 0;
        try (Stream<AuditEntry> walk = mongo.stream(inOrder, AuditEntry.class, collection)) {
            for (AuditEntry entry : (Iterable<AuditEntry>) walk::iterator) {
                Problem problem = check(entry, expected, prev);
                if (problem != null) {
                    return new ChainReport(chain, entries, null, null, problem);
                }
                entries++;
                expected = entry.seq() + 1;
                prev = entry.hash();
            }
        }
        return new ChainReport(chain, entries, expected - 1, prev, null);
    }

    private static Problem check(AuditEntry entry, long expected, String prev) {
        long seq = entry.seq() == null ? -1 : entry.seq();
        if (entry.hash() == null || !entry.hash().equals(AuditChain.hashOf(entry))) {
            return new Problem(seq, entry.id(), "changed", "the entry's fields are not those it was written with");
        }
        if (seq > expected) {
            return new Problem(seq, entry.id(), "removed", (seq - expected) + " entries before this one are missing (from seq "
                    + expected + ")");
        }
        if (seq < expected) {
            return new Problem(seq, entry.id(), "out-of-order", "its place on the chain is not after the entry before it");
        }
        if (!AuditChain.idOf(entry.chain(), seq).equals(entry.id())) {
            return new Problem(seq, entry.id(), "out-of-order", "its id does not name its place on the chain: it was put there "
                    + "by another hand");
        }
        if (!Objects.equals(entry.prev(), prev)) {
            return new Problem(seq, entry.id(), "out-of-order", seq == 1 ? "the first entry names an entry before it"
                    : "it was not written after the entry now before it: an entry was inserted, moved or replaced here");
        }
        return null;
    }
}
