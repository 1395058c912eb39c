package org.saferkent.platform.embeddedstore;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the H2 file stores a collection's documents: as BSON, the encoding the wire already uses, behind a
 * one-byte mark. H2's default for a map's values is Java serialisation, which the profile of the local
 * stack under load put at over a quarter of the launcher's CPU (an {@code ObjectOutputStream} per
 * document at every commit, class descriptors and all) and at several times a document's BSON size.
 *
 * <p>Files written before keep working: a value without the mark is one H2 wrote with its default type,
 * and is read with it; it is written back as BSON the next time its page is. BSON round-trips every value
 * a document can hold here, because every value came in over the wire as BSON (or from the server's own
 * operators, which produce the same types).
 */
final class BsonDocumentType extends BasicDataType<Document> {

    /** Not a tag H2's {@link ObjectDataType} writes (its tags end below 128). */
    static final byte MARK = (byte) 0xF0;

    private final ObjectDataType before = new ObjectDataType();

    @Override
    public void write(WriteBuffer buffer, Document document) {
        putBson(buffer.put(MARK), document);
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != MARK) {
            return (Document) before.read(buffer);
        }
        buffer.get(); // the mark
        return getBson(buffer);
    }

    /** Writes {@code document} as BSON (which carries its own length). */
    static void putBson(WriteBuffer buffer, java.util.Map<String, ?> document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
        } finally {
            bson.release();
        }
    }

    /** Reads one BSON document {@link #putBson} wrote, leaving {@code buffer} after it. */
    static Document getBson(ByteBuffer buffer) {
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice());
        Document document = BsonDecoder.decodeBson(bson);
        buffer.position(buffer.position() + bson.readerIndex());
        return document;
    }

    /** Called on a sample only ({@link #isMemoryEstimationAllowed()}): encoding gives the size. */
    @Override
    public int getMemory(Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            // the decoded map costs several times its encoding on the heap
            return 64 + 4 * bson.readableBytes();
        } finally {
            bson.release();
        }
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
