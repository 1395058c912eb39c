package org.saferkent.rj.dataprotection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;

/**
 * A stored document with every occurrence of an erased person's pseudonyms replaced by their
 * anonymous stand-in, wherever it is: a field's value, inside a text (an outbox event's JSON payload, a
 * timeline note), in a list or a nested document, the {@code _id} included. The pseudonyms are 64
 * hexadecimal characters, so a replacement inside a text cannot hit anything else.
 */
final class Anonymised {

    private Anonymised() {
    }

    /** Whether {@code value} names any of {@code pseudonyms} anywhere. */
    static boolean names(Object value, List<String> pseudonyms) {
        if (value instanceof String text) {
            return pseudonyms.stream().anyMatch(text::contains);
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(v -> names(v, pseudonyms));
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(v -> names(v, pseudonyms));
        }
        return false;
    }

    /** A copy of the document with each pseudonym replaced by {@code standIn}. */
    static Document copy(Document doc, List<String> pseudonyms, String standIn) {
        Document copy = new Document();
        doc.forEach((key, value) -> copy.put(key, replace(value, pseudonyms, standIn)));
        return copy;
    }

    private static Object replace(Object value, List<String> pseudonyms, String standIn) {
        if (value instanceof String text) {
            String replaced = text;
            for (String pseudonym : pseudonyms) {
                replaced = replaced.replace(pseudonym, standIn);
            }
            return replaced;
        }
        if (value instanceof Document nested) {
            return copy(nested, pseudonyms, standIn);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(replace(item, pseudonyms, standIn)));
            return copy;
        }
        return value;
    }
}
