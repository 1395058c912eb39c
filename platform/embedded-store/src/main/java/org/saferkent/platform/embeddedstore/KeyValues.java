package org.saferkent.platform.embeddedstore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;

/**
 * One value of an index key (unique or secondary) in the H2 file: compared in MongoDB's order and written compactly.
 *
 * <p>Every B-tree search of every index compares keys, and every commit writes every key of each index page it
 * changed (a page holds tens to hundreds of keys; a write changes a page of each index of its collection). The
 * server's {@link ValueComparator} finds a value's type by asking each BSON type in turn whether it is assignable
 * ({@code Class.isAssignableFrom}), twice a comparison; writing a value as a one-field BSON document builds a map and
 * a buffer for each. A flight recording of the store building a collection's indexes put about a quarter of its
 * CPU in each. The types the services' keys hold (strings, dates, whole numbers, booleans) are compared and written
 * here directly, with exactly the order the server's comparator gives two values of the same type; anything else
 * (two different types, doubles, documents, arrays, ids of other kinds) goes to the server's comparator and is
 * written as before, as BSON.
 *
 * <p>Files written before keep working: a value's first byte says how it was written, and values written as BSON
 * ({@link #BSON}) are read as they always were.
 */
final class KeyValues {

    private KeyValues() {
    }

    private static final byte MISSING = 0;
    /** A one-field BSON document holding the value: every value written before these tags, and any other type now. */
    private static final byte BSON = 1;
    private static final byte STRING = 2;
    private static final byte DATE = 3;
    private static final byte INT32 = 4;
    private static final byte INT64 = 5;
    private static final byte TRUE = 6;
    private static final byte FALSE = 7;

    private static final Comparator<Object> WITH_LISTS = ValueComparator.asc();
    private static final Comparator<Object> WITHOUT_LISTS = ValueComparator.ascWithoutListHandling();

    /** As {@code ValueComparator.asc()} compares (arrays by their least element). */
    static int compare(Object a, Object b) {
        int c = compareSameType(a, b);
        return c != UNKNOWN ? c : WITH_LISTS.compare(a, b);
    }

    /** As {@code ValueComparator.ascWithoutListHandling()} compares, a missing value first (the unique indexes' order). */
    static int compareWithoutLists(Object a, Object b) {
        int c = compareSameType(a, b);
        if (c != UNKNOWN) {
            return c;
        }
        boolean missingA = a instanceof Missing;
        boolean missingB = b instanceof Missing;
        if (missingA || missingB) {
            return missingA == missingB ? 0 : missingA ? -1 : 1;
        }
        return WITHOUT_LISTS.compare(a, b);
    }

    private static final int UNKNOWN = Integer.MIN_VALUE;

    /**
     * Two values of one of the common types, compared as the server's comparator does once it has found both of
     * the same type: strings by {@code String.compareTo}, dates by their instant, whole numbers by value, false
     * before true. Doubles are left to it (it makes -0.0 equal to 0.0 and whole doubles equal to integers).
     */
    private static int compareSameType(Object a, Object b) {
        if (a == null || b == null || a.getClass() != b.getClass()) {
            return UNKNOWN;
        }
        if (a instanceof String s) {
            return Integer.signum(s.compareTo((String) b));
        }
        if (a instanceof Instant i) {
            return Integer.signum(i.compareTo((Instant) b));
        }
        if (a instanceof Integer i) {
            return Integer.compare(i, (Integer) b);
        }
        if (a instanceof Long l) {
            return Long.compare(l, (Long) b);
        }
        if (a instanceof Boolean x) {
            return Boolean.compare(x, (Boolean) b);
        }
        return UNKNOWN;
    }

    static void write(WriteBuffer buffer, Object value) {
        if (value instanceof Missing) {
            buffer.put(MISSING);
        } else if (value instanceof String s) {
            // UTF-8, as BSON holds strings: each came over the wire as UTF-8, so it reads back the same
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            buffer.put(STRING).putVarInt(utf8.length).put(utf8);
        } else if (value instanceof Instant i && i.getNano() % 1_000_000 == 0) {
            buffer.put(DATE).putLong(i.toEpochMilli());
        } else if (value instanceof Integer i) {
            buffer.put(INT32).putInt(i);
        } else if (value instanceof Long l) {
            buffer.put(INT64).putLong(l);
        } else if (value instanceof Boolean b) {
            buffer.put(b ? TRUE : FALSE);
        } else {
            BsonDocumentType.putBson(buffer.put(BSON), new Document("v", value));
        }
    }

    private static String string(ByteBuffer buffer, int length) {
        if (!buffer.hasArray()) {
            byte[] utf8 = new byte[length];
            buffer.get(utf8);
            return new String(utf8, StandardCharsets.UTF_8);
        }
        String s = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), length, StandardCharsets.UTF_8);
        buffer.position(buffer.position() + length);
        return s;
    }

    static Object read(ByteBuffer buffer) {
        byte tag = buffer.get();
        return switch (tag) {
            case MISSING -> Missing.getInstance();
            case BSON -> BsonDocumentType.getBson(buffer).get("v");
            case STRING -> string(buffer, DataUtils.readVarInt(buffer));
            case DATE -> Instant.ofEpochMilli(buffer.getLong());
            case INT32 -> buffer.getInt();
            case INT64 -> buffer.getLong();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            default -> throw new IllegalStateException("an index key value of unknown kind " + tag + " in the store's file");
        };
    }
}
