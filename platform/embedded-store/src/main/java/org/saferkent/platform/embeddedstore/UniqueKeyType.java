package org.saferkent.platform.embeddedstore;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The keys of a unique index in the H2 file ({@code _id} and every unique index a service declares):
 * compared value by value in MongoDB's order, stored as BSON. H2's default type compares objects it does
 * not know by Java-serialising both, at every step of every B-tree search: in the launcher's profile
 * under load that was over a quarter of the store's request threads, for the lookups every write makes.
 * Files with the old keys are moved to this type once, when the store opens ({@link EmbeddedBackends}).
 */
final class UniqueKeyType extends BasicDataType<KeyValue> {

    private static final Comparator<Object> VALUES = ValueComparator.ascWithoutListHandling();
    private static final byte MISSING = 0;
    private static final byte VALUE = 1;

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareValues(Object a, Object b) {
        boolean missingA = a instanceof Missing;
        boolean missingB = b instanceof Missing;
        if (missingA || missingB) {
            return missingA == missingB ? 0 : missingA ? -1 : 1;
        }
        return VALUES.compare(a, b);
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        buffer.putVarInt(key.size());
        for (Object value : key) {
            if (value instanceof Missing) {
                buffer.put(MISSING);
                continue;
            }
            BsonDocumentType.putBson(buffer.put(VALUE), new Document("v", value));
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        int size = DataUtils.readVarInt(buffer);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            if (buffer.get() == MISSING) {
                values.add(Missing.getInstance());
                continue;
            }
            values.add(BsonDocumentType.getBson(buffer).get("v"));
        }
        return new KeyValue(values);
    }

    @Override
    public int getMemory(KeyValue key) {
        return 48 + 32 * key.size();
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
