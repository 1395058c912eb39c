package org.saferkent.platform.embeddedstore;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The keys of a unique index in the H2 file ({@code _id} and every unique index a service declares):
 * compared value by value in MongoDB's order, each value stored compactly ({@link KeyValues}). H2's default type compares objects it does
 * not know by Java-serialising both, at every step of every B-tree search: in the launcher's profile
 * under load that was over a quarter of the store's request threads, for the lookups every write makes.
 * Files with the old keys are moved to this type once, when the store opens ({@link EmbeddedBackends}).
 */
final class UniqueKeyType extends BasicDataType<KeyValue> {

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
        return KeyValues.compareWithoutLists(a, b);
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        buffer.putVarInt(key.size());
        for (Object value : key) {
            KeyValues.write(buffer, value);
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        int size = DataUtils.readVarInt(buffer);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(KeyValues.read(buffer));
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
