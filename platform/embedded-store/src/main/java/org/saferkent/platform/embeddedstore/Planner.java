package org.saferkent.platform.embeddedstore;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

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
     * The candidates for a query: the positions of every document that can match it, from the narrowest
     * index; or, for a page of rows in an indexed order, the rows up to that page ({@link #orderedCandidates}).
     * Null when only a collection scan answers it.
     */
    static <P> Iterable<P> candidates(List<Index<P>> indexes, Document query, Document orderBy, int skip, int limit,
            Predicate<P> matches) {
        Iterable<P> narrowed = candidates(indexes, query);
        return narrowed != null || limit <= 0 ? narrowed : orderedCandidates(indexes, orderBy, skip + limit, matches);
    }

    /**
     * The positions of every document that can match {@code query}, from the narrowest index; for a
     * top-level {@code $or} that no index narrows, the union of each branch's (as MongoDB's OR plan).
     * Null when no index narrows the query.
     */
    static <P> Iterable<P> candidates(List<Index<P>> indexes, Document query) {
        Choice<P> best = best(indexes, query);
        if (best != null) {
            return best.positions(query);
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
            Predicate<P> matches) {
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

    /** An index chosen for a query, with the plan it was ranked by (a secondary index's), so it is built once. */
    private record Choice<P>(Index<P> index, QueryPlan plan, int score) {

        Iterable<P> positions(Document query) {
            return plan != null ? ((SecondaryIndex<P>) index).positions(plan) : index.getPositions(query);
        }
    }

    /** The best index for {@code query}, or null when none narrows it. */
    private static <P> Choice<P> best(List<Index<P>> indexes, Document query) {
        Choice<P> best = null;
        for (Index<P> index : indexes) {
            Choice<P> choice = rank(index, query);
            if (choice.score() > 0 && (best == null || choice.score() > best.score())) {
                best = choice;
            }
        }
        return best;
    }

    private static <P> Choice<P> rank(Index<P> index, Document query) {
        if (index instanceof UniqueKeyLookup<P> unique) {
            return new Choice<>(index, null, unique.canHandle(query) ? UNIQUE : 0);
        }
        if (index instanceof SecondaryIndex<P> secondary) {
            QueryPlan plan = secondary.answers() ? QueryPlan.of(secondary, query) : null;
            return new Choice<>(index, plan, plan == null ? 0 : plan.score());
        }
        return new Choice<>(index, null, index.canHandle(query) ? 1 : 0);
    }
}
