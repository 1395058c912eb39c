package org.saferkent.platform.embeddedstore;

import java.util.List;

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

    /** The best index for {@code query}, or null when none narrows it (a collection scan). */
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
