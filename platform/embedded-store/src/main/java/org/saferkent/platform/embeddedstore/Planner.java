package org.saferkent.platform.embeddedstore;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Chooses the index a query reads, as MongoDB's planner would for the queries SaferKent makes: a unique
 * key named in full first (one document at most), then the secondary index whose plan fixes the most
 * keys. mongo-java-server itself takes the first index that says it can handle the query.
 */
final class Planner {

    private static final int UNIQUE = Integer.MAX_VALUE;

    private Planner() {
    }

    /**
     * The positions of every document that can match {@code query}, from the narrowest index; for a
     * top-level {@code $or} that no index narrows, the union of each branch's (as MongoDB's OR plan).
     * Null when no index narrows the query: a collection scan.
     */
    static <P> Iterable<P> candidates(List<Index<P>> indexes, Document query) {
        Index<P> index = best(indexes, query);
        if (index != null) {
            return index.getPositions(query);
        }
        if (!(query.get("$or") instanceof List<?> branches) || branches.isEmpty()) {
            return null;
        }
        Set<P> union = new LinkedHashSet<>();
        for (Object branch : branches) {
            if (!(branch instanceof Document condition)) {
                return null;
            }
            Iterable<P> positions = candidates(indexes, condition);
            if (positions == null) {
                return null; // one branch would need a scan: the whole query does
            }
            positions.forEach(union::add);
        }
        return union;
    }

    /**
     * For a query no index narrows but whose order is an index's first key and which wants a few rows
     * (a page of a list, newest first): the documents in index order up to the page, as MongoDB walks an
     * index to sort. {@code matches} says whether a document (by position) matches the query. Null when
     * no index fits.
     */
    static <P> List<P> orderedCandidates(List<Index<P>> indexes, Document orderBy, int needed,
            java.util.function.Predicate<P> matches) {
        if (orderBy == null || orderBy.isEmpty() || needed <= 0) {
            return null;
        }
        String key = orderBy.keySet().iterator().next();
        if (key.startsWith("$") || !(orderBy.get(key) instanceof Number direction)) {
            return null;
        }
        for (Index<P> index : indexes) {
            if (index instanceof SecondaryIndex<P> secondary && secondary.coversEveryDocument()
                    && secondary.keyNames().get(0).equals(key)) {
                return secondary.inKeyOrder(direction.doubleValue() < 0, needed, matches);
            }
        }
        return null;
    }

    /** The best index for {@code query}, or null when none narrows it. */
    static <P> Index<P> best(List<Index<P>> indexes, Document query) {
        Index<P> best = null;
        int bestScore = 0;
        for (Index<P> index : indexes) {
            int score = score(index, query);
            if (score > bestScore) {
                best = index;
                bestScore = score;
            }
        }
        return best;
    }

    private static int score(Index<?> index, Document query) {
        if (index instanceof UniqueKeyLookup<?> unique) {
            return unique.canHandle(query) ? UNIQUE : 0;
        }
        if (index instanceof SecondaryIndex<?> secondary) {
            QueryPlan plan = QueryPlan.of(secondary, query);
            return plan == null ? 0 : plan.score();
        }
        return index.canHandle(query) ? 1 : 0;
    }
}
