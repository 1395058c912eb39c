package org.saferkent.platform.embeddedstore;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * A unique index (the collection's {@code _id} index, or one a service declares unique) used for every
 * query that names each of its keys with a plain value, whatever else the query says.
 *
 * <p>mongo-java-server uses a unique index only when the query's fields are exactly the index's
 * ({@code AbstractUniqueIndex.canHandle}: {@code query.keySet().equals(keySet())}). So the queries the
 * platform makes most — a version-checked update ({@code _id} + {@code version}), the outbox relay's
 * claim and release ({@code _id} + lease), an idempotent write ({@code _id} + processed marker) — read
 * the whole collection, and each costs more as data grows. MongoDB itself answers them from the index.
 * This wrapper does the same: when the query has a plain equality on every key it takes that one
 * document's position from the index, and the server still matches the whole query against it (the
 * index only narrows the candidates, it never decides a match).
 */
final class UniqueKeyLookup<P> extends Index<P> {

    static final String ID = "_id";

    private final Index<P> inner;

    UniqueKeyLookup(Index<P> inner, boolean sparse) {
        super(inner.getName(), inner.getKeys(), sparse);
        this.inner = inner;
    }

    @Override
    public boolean canHandle(Document query) {
        return inner.canHandle(query) || plainKeys(query) || plainIn(query) != null;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        if (inner.canHandle(query)) {
            return inner.getPositions(query);
        }
        Collection<?> in = plainKeys(query) ? null : plainIn(query);
        if (in != null) {
            return inner.getPositions(new Document(keys().get(0), new Document("$in", in)));
        }
        Map<String, Object> conditions = QueryPlan.conditions(query);
        Document exact = new Document();
        for (String key : keys()) {
            exact.put(key, conditions.get(key));
        }
        return inner.getPositions(exact);
    }

    /** Every key compared for equality with a plain value (no operator, no embedded document). */
    boolean plainKeys(Document query) {
        Map<String, Object> conditions = QueryPlan.conditions(query);
        for (String key : keys()) {
            if (!plainValue(conditions, key)) {
                return false;
            }
        }
        return true;
    }

    /** The values of a single-key index's {@code $in} when every one is plain, else null. */
    private Collection<?> plainIn(Document query) {
        if (keys().size() != 1 || !(QueryPlan.conditions(query).get(keys().get(0)) instanceof Map<?, ?> condition)
                || condition.size() != 1 || !(condition.get("$in") instanceof Collection<?> values)) {
            return null;
        }
        for (Object value : values) {
            if (!plain(value)) {
                return null;
            }
        }
        return values;
    }

    static boolean plainValue(Map<String, Object> query, String key) {
        return query.containsKey(key) && plain(query.get(key));
    }

    /** A Document (Map) holds operators or is an embedded value; a collection or a pattern is no single key. */
    static boolean plain(Object value) {
        return value != null && !(value instanceof Map) && !(value instanceof Collection) && !(value instanceof Pattern)
                && !BsonRegularExpression.isRegularExpression(value);
    }

    @Override
    public P getPosition(Document document) {
        return inner.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        inner.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        inner.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        return inner.remove(document);
    }

    @Override
    public long getCount() {
        return inner.getCount();
    }

    @Override
    public boolean isEmpty() {
        return inner.isEmpty();
    }

    @Override
    public long getDataSize() {
        return inner.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        inner.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        inner.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        inner.drop();
    }

    @Override
    public boolean isUnique() {
        return inner.isUnique();
    }

    @Override
    public Document toIndexDescription() {
        return inner.toIndexDescription();
    }
}
