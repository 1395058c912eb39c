package org.saferkent.platform.dataprotection;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals a document's personal fields with its subject's data key and opens them again: what a store of
 * personal data uses. Non-personal fields (ids, dates, retention facts) stay in clear beside the sealed ones.
 */
public class PersonalDataVault {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataVault.class);

    private final SubjectKeys keys;

    public PersonalDataVault(SubjectKeys keys) {
        this.keys = keys;
    }

    public SubjectKeys keys() {
        return keys;
    }

    /** Each non-null field sealed with the subject's current data key, bound to this document and field. */
    public Document seal(String subject, String documentId, Map<String, String> fields) {
        DataKey key = keys.activeKey(subject);
        Document sealed = new Document();
        fields.forEach((field, value) -> {
            if (value != null) {
                sealed.put(field, FieldCipher.encrypt(key, documentId, field, value));
            }
        });
        return sealed;
    }

    /**
     * Seals every component of a record of personal data (String or LocalDate components; null stays
     * absent), each under its component's name.
     */
    public Document sealRecord(String subject, String documentId, Record details) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (RecordComponent component : details.getClass().getRecordComponents()) {
            Object value = read(component, details);
            if (value != null && !(value instanceof String) && !(value instanceof LocalDate)) {
                throw new IllegalArgumentException(component.getName() + " is neither text nor a date");
            }
            fields.put(component.getName(), value == null ? null : value.toString());
        }
        return seal(subject, documentId, fields);
    }

    /**
     * The record {@link #sealRecord} sealed, opened again.
     *
     * @throws PersonalDataErasedException when its data key was destroyed
     */
    public <R extends Record> R openRecord(String documentId, Document sealed, Class<R> type) {
        Map<String, String> fields = open(documentId, sealed);
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            String value = fields.get(components[i].getName());
            values[i] = value == null ? null : types[i] == LocalDate.class ? LocalDate.parse(value) : value;
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getSimpleName() + " from its sealed fields", e);
        }
    }

    private static Object read(RecordComponent component, Record details) {
        try {
            return component.getAccessor().invoke(details);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

    /**
     * Every field of {@code sealed} opened; a field absent from it was null.
     *
     * @throws PersonalDataErasedException when a field's data key was destroyed
     */
    public Map<String, String> open(String documentId, Document sealed) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : sealed.entrySet()) {
            FieldCipher.Envelope envelope = FieldCipher.Envelope.parse((String) entry.getValue());
            SubjectKeys.Lookup lookup = keys.find(envelope.keyId());
            if (lookup instanceof SubjectKeys.Lookup.Live live) {
                fields.put(entry.getKey(), FieldCipher.decrypt(live.key().key(), documentId, entry.getKey(), envelope));
            } else {
                if (lookup instanceof SubjectKeys.Lookup.Unknown) {
                    log.warn("Document {} names data key {} which does not exist: treated as erased", documentId, envelope.keyId());
                }
                throw new PersonalDataErasedException();
            }
        }
        return fields;
    }
}
