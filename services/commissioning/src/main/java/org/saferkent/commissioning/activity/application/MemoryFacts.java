package org.saferkent.commissioning.activity.application;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.bson.ByteBuf;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

/**
 * Fact documents folded in memory by a rebuild, shaped exactly as {@link LiveFacts} writes them
 * (markers of the events applied included, so that a later redelivery still changes nothing).
 *
 * <p>A year of facts is held compactly: the documents events were applied to lately stay decoded (a
 * fact's events come close together: its referral, case and outcome), every other one is kept encoded as
 * the BSON it will be inserted as, about a third of its size as Java objects. Held as {@link Document}s, a
 * million events' facts were about 950 MB live (a 1.4 GiB heap spent the rebuild in full collections);
 * encoded, about 300 MB, and {@link #encoded} hands them to the insert without encoding them again.
 */
public class MemoryFacts implements FactSink {

    static final String APPLIED_EVENTS = "appliedEvents";
    /** As many markers as the platform keeps per document. */
    private static final int KEPT = 100;
    /** Facts kept decoded: the ones events were applied to most recently. */
    private static final int DECODED = 20_000;
    private static final DocumentCodec CODEC = new DocumentCodec();

    /**
     * Every fact by kind and key: a {@link Document} while it is among the recent ones, else its BSON. In key
     * order, so that a rebuild inserts them in {@code _id} order: each batch adds to the end of the
     * {@code _id} index instead of rewriting pages all over it.
     */
    private final Map<FactKind, Map<String, Object>> facts = new EnumMap<>(FactKind.class);
    /** The decoded facts, least recently applied to first; the eldest is encoded as a new one comes. */
    private final LinkedHashMap<Ref, Document> recent;

    public MemoryFacts() {
        this(DECODED);
    }

    /** @param decoded how many facts to keep decoded (tests: a few, so that most are encoded and decoded again) */
    MemoryFacts(int decoded) {
        this.recent = new LinkedHashMap<>(Math.min(decoded, DECODED) * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Ref, Document> eldest) {
                if (size() <= decoded) {
                    return false;
                }
                facts.get(eldest.getKey().kind()).put(eldest.getKey().key(), encode(eldest.getValue()));
                return true;
            }
        };
    }

    private record Ref(FactKind kind, String key) {
    }

    @Override
    public void apply(String eventId, FactChange change) {
        Document doc = decoded(change.kind(), change.key());
        @SuppressWarnings("unchecked")
        List<Object> applied = (List<Object>) doc.get(APPLIED_EVENTS);
        if (applied != null && applied.contains(eventId)) {
            return;
        }
        change.applyTo(doc);
        List<Object> markers = applied == null ? new ArrayList<>() : new ArrayList<>(applied);
        markers.add(eventId);
        doc.put(APPLIED_EVENTS, markers.size() > KEPT ? new ArrayList<>(markers.subList(markers.size() - KEPT, markers.size())) : markers);
    }

    /**
     * The fact, decoded and among the recent ones. A new one is created as a rebuild inserts it: performance is
     * computed from the facts directly, so none is dirty.
     */
    private Document decoded(FactKind kind, String key) {
        Ref ref = new Ref(kind, key);
        Document doc = recent.get(ref);
        if (doc != null) {
            return doc;
        }
        Map<String, Object> ofKind = facts.computeIfAbsent(kind, k -> new TreeMap<>());
        Object held = ofKind.get(key);
        doc = held instanceof RawBsonDocument raw ? raw.decode(CODEC)
                : held instanceof Document kept ? kept
                : new Document("_id", key).append(LiveFacts.DIRTY, false).append(LiveFacts.TOUCH, 0);
        ofKind.put(key, doc);
        recent.put(ref, doc);
        return doc;
    }

    /** The documents of one kind, ready to insert (tests: small folds). */
    public List<Document> documents(FactKind kind) {
        List<Document> docs = new ArrayList<>();
        forEach(kind, docs::add);
        return docs;
    }

    /**
     * The documents of one kind, ready to insert, in batches in {@code _id} order: each as its BSON ({@link RawBsonDocument}),
     * encoded once whichever way it was held, so a batch is all that is decoded or encoded at a time.
     */
    public void encoded(FactKind kind, int batch, Consumer<List<RawBsonDocument>> insert) {
        List<RawBsonDocument> docs = new ArrayList<>(batch);
        for (Object held : facts.getOrDefault(kind, Map.of()).values()) {
            docs.add(held instanceof RawBsonDocument raw ? raw : encode((Document) held));
            if (docs.size() == batch) {
                insert.accept(docs);
                docs = new ArrayList<>(batch);
            }
        }
        if (!docs.isEmpty()) {
            insert.accept(docs);
        }
    }

    /** Each document of one kind as it stands, decoded one at a time: what performance is computed from. */
    public void forEach(FactKind kind, Consumer<Document> action) {
        for (Object held : facts.getOrDefault(kind, Map.of()).values()) {
            action.accept(held instanceof RawBsonDocument raw ? raw.decode(CODEC) : (Document) held);
        }
    }

    /** The document's BSON in an array of its size (the codec's buffer starts at a kilobyte, most facts are far smaller). */
    private static RawBsonDocument encode(Document doc) {
        ByteBuf encoded = new RawBsonDocument(doc, CODEC).getByteBuffer();
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return new RawBsonDocument(bytes);
    }

    public int size() {
        return facts.values().stream().mapToInt(Map::size).sum();
    }
}
