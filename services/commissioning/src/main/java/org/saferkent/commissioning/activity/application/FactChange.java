package org.saferkent.commissioning.activity.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.saferkent.platform.workingdays.Quarter;
import org.springframework.data.mongodb.core.query.Update;

/**
 * What one event changes in one fact document: fields set (dotted paths reach into sub-documents)
 * and the quarters and days it touches, kept in {@code quarters} and {@code days} (every day ever
 * set, so a day a fact no longer counts on is still recomputed) so that a quarter's or a day's facts
 * are found by one query. The same change is written to MongoDB live and applied in memory by a rebuild, so both
 * give the same documents.
 */
public final class FactChange {

    public static final String QUARTERS = "quarters";
    /** The days ({@code 2026-07-14}) a fact has counted on: performance keeps a bucket per district and day. */
    public static final String DAYS = "days";

    private final FactKind kind;
    private final String key;
    private final Map<String, Object> sets = new LinkedHashMap<>();
    private final Set<String> quarters = new LinkedHashSet<>();
    private final Set<String> days = new LinkedHashSet<>();

    private FactChange(FactKind kind, String key) {
        this.kind = kind;
        this.key = key;
    }

    public static FactChange of(FactKind kind, String key) {
        return new FactChange(kind, key);
    }

    public FactKind kind() {
        return kind;
    }

    public String key() {
        return key;
    }

    public FactChange set(String path, Object value) {
        sets.put(path, value);
        return this;
    }

    /** Sets a day ({@code 2026-07-14}) and records its quarter. */
    public FactChange day(String path, LocalDate day) {
        if (day != null) {
            sets.put(path, day.toString());
            quarter(day);
        }
        return this;
    }

    public FactChange quarter(LocalDate day) {
        if (day != null) {
            quarters.add(Quarter.of(day).toString());
            days.add(day.toString());
        }
        return this;
    }

    public Update toUpdate() {
        Update update = new Update();
        sets.forEach(update::set);
        if (!quarters.isEmpty()) {
            update.addToSet(QUARTERS).each(quarters.toArray());
            update.addToSet(DAYS).each(days.toArray());
        }
        return update;
    }

    /** Applies the change to a document held in memory, as MongoDB applies {@link #toUpdate()}. */
    public void applyTo(Document doc) {
        sets.forEach((path, value) -> {
            String[] parts = path.split("\\.");
            Document target = doc;
            for (int i = 0; i < parts.length - 1; i++) {
                Object next = target.get(parts[i]);
                Document nested;
                if (next instanceof Document existing) {
                    nested = existing;
                } else {
                    nested = new Document();
                    target.put(parts[i], nested);
                }
                target = nested;
            }
            target.put(parts[parts.length - 1], value);
        });
        addToSet(doc, QUARTERS, quarters);
        addToSet(doc, DAYS, days);
    }

    private static void addToSet(Document doc, String field, Set<String> values) {
        if (!values.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object> held = (List<Object>) doc.get(field);
            List<Object> merged = held == null ? new ArrayList<>() : new ArrayList<>(held);
            values.stream().filter(value -> !merged.contains(value)).forEach(merged::add);
            doc.put(field, merged);
        }
    }

    /** A key safe as one step of a dotted path. */
    public static String pathKey(String text) {
        return text.replace('.', '_').replace('$', '_');
    }
}
