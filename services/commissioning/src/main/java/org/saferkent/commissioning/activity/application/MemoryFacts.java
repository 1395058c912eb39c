package org.saferkent.commissioning.activity.application;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

/**
 * Fact documents folded in memory by a rebuild, shaped exactly as {@link LiveFacts} writes them
 * (markers of the events applied included, so that a later redelivery still changes nothing).
 */
public class MemoryFacts implements FactSink {

    static final String APPLIED_EVENTS = "appliedEvents";
    /** As many markers as the platform keeps per document. */
    private static final int KEPT = 100;

    private final Map<FactKind, Map<String, Document>> facts = new EnumMap<>(FactKind.class);

    @Override
    public void apply(String eventId, FactChange change) {
        Document doc = facts.computeIfAbsent(change.kind(), kind -> new LinkedHashMap<>())
                .computeIfAbsent(change.key(), key -> new Document("_id", key));
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

    /** The documents of one kind, ready to insert: performance is computed from them directly, so none is dirty. */
    public List<Document> documents(FactKind kind) {
        List<Document> docs = new ArrayList<>();
        facts.getOrDefault(kind, Map.of()).values().forEach(doc -> {
            doc.put(LiveFacts.DIRTY, false);
            doc.put(LiveFacts.TOUCH, 0);
            docs.add(doc);
        });
        return docs;
    }

    /** The documents of one kind as they stand (not prepared for insertion): what performance is computed from. */
    public java.util.Collection<Document> current(FactKind kind) {
        return facts.getOrDefault(kind, Map.of()).values();
    }

    public int size() {
        return facts.values().stream().mapToInt(Map::size).sum();
    }
}
