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
 * The {@code _id} index of a collection, used for every query that names one {@code _id}.
 *
 * <p>mongo-java-server uses a unique index only when the query's fields are exactly the index's
 * ({@code AbstractUniqueIndex.canHandle}: {@code query.keySet().equals(keySet())}). So the queries the
 * platform makes most — a version-checked update ({@code _id} + {@code version}), the outbox relay's
 * claim and release ({@code _id} + lease), an idempotent write ({@code _id} + processed marker) — read
 * the whole collection, and each costs more as data grows. MongoDB itself answers them from the
 * {@code _id} index. This wrapper does the same: when the query has a plain {@code _id} equality it
 * takes that one document's position from the index, and the server still matches the whole query
 * against it (the index only narrows the candidates, it never decides a match).
 */
final class IdLookupIndex<P> extends Index<P> {

    static final String ID = "_id";

    private final Index<P> inner;

    IdLookupIndex(Index<P> inner) {
        super(inner.getName(), inner.getKeys(), false);
        this.inner = inner;
    }

    /** Only the collection's {@code _id} index is wrapped. */
    static boolean isIdIndex(List<IndexKey> keys) {
        return keys.size() == 1 && ID.equals(keys.get(0).getKey());
    }

    @Override
    public boolean canHandle(Document query) {
        return inner.canHandle(query) || plainId(query);
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        if (inner.canHandle(query)) {
            return inner.getPositions(query);
        }
        return inner.getPositions(new Document(ID, query.get(ID)));
    }

    /** An {@code _id} compared for equality with a plain value (no operator, no embedded document). */
    static boolean plainId(Document query) {
        if (!query.containsKey(ID)) {
            return false;
        }
        Object id = query.get(ID);
        // a Document (Map) holds operators or is an embedded id; a collection or a pattern is no single _id
        return id != null && !(id instanceof Map) && !(id instanceof Collection) && !(id instanceof Pattern)
                && !BsonRegularExpression.isRegularExpression(id);
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
