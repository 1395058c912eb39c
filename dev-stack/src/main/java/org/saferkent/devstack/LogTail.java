package org.saferkent.devstack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The end of a log file, to put into an error message instead of sending the user hunting. */
final class LogTail {

    /** Enough for a stack trace; the log of a long-lived broker can be many megabytes. */
    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {
    }

    static String of(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no " + file + ")";
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            int length = (int) Math.min(size, MAX_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate(length);
            channel.position(size - length);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read fully
            }
            List<String> all = Arrays.asList(new String(buffer.array(), 0, buffer.position(),
                    StandardCharsets.UTF_8).split("\\R"));
            List<String> tail = all.subList(Math.max(0, all.size() - lines), all.size());
            return "last lines of " + file + ":\n    " + String.join("\n    ", tail);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
