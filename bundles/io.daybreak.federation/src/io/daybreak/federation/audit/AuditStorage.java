package io.daybreak.federation.audit;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * How the audit log writes to disk: the log file (append, force, truncate) and the files it replaces
 * atomically (anchor, pending recovery record).
 * The only implementation in production is {@link #FILES}; tests substitute one that fails like a full disk,
 * deterministically, to exercise the failed state of {@link AuditLog}.
 */
interface AuditStorage {
    /** The file system, through {@link FileChannel}. */
    AuditStorage FILES = (file, options) -> {
        FileChannel channel = FileChannel.open(file, options);
        return new Channel() {
            @Override
            public int write(ByteBuffer source) throws IOException {
                return channel.write(source);
            }

            @Override
            public void force() throws IOException {
                channel.force(false);
            }

            @Override
            public long size() throws IOException {
                return channel.size();
            }

            @Override
            public void truncate(long size) throws IOException {
                channel.truncate(size);
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    };

    Channel open(Path file, OpenOption... options) throws IOException;

    /** Replaces {@code file} atomically: a temporary file beside it, written, forced, then renamed over it. */
    default void replace(Path file, byte[] bytes) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Channel channel = open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force();
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The operations the log needs from an open file; writes go where the channel's options say. */
    interface Channel extends Closeable {
        int write(ByteBuffer source) throws IOException;

        /** Forces the file's content (and the metadata needed to read it, such as its size) to disk. */
        void force() throws IOException;

        long size() throws IOException;

        void truncate(long size) throws IOException;
    }
}
