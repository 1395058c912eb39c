package org.saferkent.platform.embeddedstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Index keys are compared in exactly the server's order and read back exactly as written, whatever their types;
 * keys written before the compact encoding (each value as BSON) still read.
 */
class KeyValuesTest {

    private static List<Object> values() {
        List<Object> values = new ArrayList<>(List.of(
                "", "a", "B", "referral-0001", "referral-0002", "ÄÖÜ", "日本", "😀 emoji", "z",
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("1969-12-31T23:59:59.999Z"), Instant.parse("2033-06-30T12:00:00.123Z"),
                0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0L, 1L, -5L, Long.MAX_VALUE, Long.MIN_VALUE, 3_000_000_000L,
                0.0, -0.0, 1.0, 2.5, -7.25, Double.NaN,
                true, false,
                MinKey.getInstance(), MaxKey.getInstance(),
                new Document("a", 1), new Document("a", "x"),
                List.of(3, 1), List.of("b", "a"), List.of()));
        values.add(null);
        values.add(Missing.getInstance());
        return values;
    }

    @Test
    void comparesTwoValuesAsTheServerDoes() {
        List<Object> values = values();
        for (Object a : values) {
            for (Object b : values) {
                assertThat(Integer.signum(KeyValues.compare(a, b)))
                        .as("%s against %s", a, b).isEqualTo(Integer.signum(ValueComparator.asc().compare(a, b)));
            }
        }
    }

    @Test
    void comparesUniqueKeysAsBefore() {
        List<Object> values = values();
        for (Object a : values) {
            for (Object b : values) {
                int expected = a instanceof Missing || b instanceof Missing
                        ? (a instanceof Missing) == (b instanceof Missing) ? 0 : a instanceof Missing ? -1 : 1
                        : Integer.signum(ValueComparator.ascWithoutListHandling().compare(a, b));
                assertThat(Integer.signum(KeyValues.compareWithoutLists(a, b))).as("%s against %s", a, b).isEqualTo(expected);
            }
        }
    }

    @Test
    void readsBackWhatItWrote() {
        UniqueKeyType type = new UniqueKeyType();
        for (Object value : values()) {
            KeyValue key = new KeyValue(java.util.Arrays.asList(value, "id-1"));
            WriteBuffer buffer = new WriteBuffer();
            type.write(buffer, key);
            KeyValue read = type.read(ByteBuffer.wrap(buffer.getBuffer().array(), 0, buffer.position()));
            assertThat(read.size()).isEqualTo(2);
            assertThat(read.get(0)).as("%s", value).isEqualTo(value);
            if (value instanceof String || value instanceof Instant || value instanceof Number || value instanceof Boolean) {
                assertThat(read.get(0)).as("%s keeps its type", value).hasSameClassAs(value); // arrays and documents come back as BSON decodes them, as before
            }
            assertThat(type.compare(read, key)).isZero();
        }
    }

    @Test
    void readsKeysWrittenAsBsonBeforeTheCompactEncoding() {
        UniqueKeyType type = new UniqueKeyType();
        for (Object value : values()) {
            WriteBuffer buffer = new WriteBuffer();
            buffer.putVarInt(1);
            if (value instanceof Missing) {
                buffer.put((byte) 0);
            } else {
                BsonDocumentType.putBson(buffer.put((byte) 1), new Document("v", value)); // as UniqueKeyType wrote every value
            }
            KeyValue read = type.read(ByteBuffer.wrap(buffer.getBuffer().array(), 0, buffer.position()));
            assertThat(read.get(0)).as("%s", value).isEqualTo(value);
        }
    }
}
