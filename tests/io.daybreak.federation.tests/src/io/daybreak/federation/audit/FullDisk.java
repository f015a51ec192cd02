package io.daybreak.federation.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/**
 * Storage that behaves like a disk that fills up, deterministically: while {@link #fill} (or
 * {@link #fillLogOnly}) is in force, writes put at most the remaining bytes on disk and then fail as a full
 * disk does; {@link #failForce} makes the next
 * forces fail; {@link #failAnchor} makes writes to the anchor's temporary file fail. {@link #free} ends it all.
 */
final class FullDisk implements AuditStorage {
    private long remaining = Long.MAX_VALUE;
    private boolean forceFails;
    private boolean anchorFails;
    private boolean logOnly;
    int failures;

    /** From now on only {@code bytes} more bytes fit. */
    void fill(long bytes) {
        remaining = bytes;
        logOnly = false;
    }

    /** From now on only {@code bytes} more bytes fit in the log itself; the small files beside it still fit. */
    void fillLogOnly(long bytes) {
        remaining = bytes;
        logOnly = true;
    }

    void failForce() {
        forceFails = true;
    }

    void failAnchor() {
        anchorFails = true;
    }

    void free() {
        remaining = Long.MAX_VALUE;
        logOnly = false;
        forceFails = false;
        anchorFails = false;
    }

    @Override
    public Channel open(Path file, OpenOption... options) throws IOException {
        Channel real = FILES.open(file, options);
        boolean anchor = file.getFileName().toString().endsWith(".anchor.tmp");
        boolean temporary = file.getFileName().toString().endsWith(".tmp");
        return new Channel() {
            @Override
            public int write(ByteBuffer source) throws IOException {
                if (anchor && anchorFails) {
                    failures++;
                    throw new IOException("No space left on device (anchor)");
                }
                if (source.remaining() > remaining && !(logOnly && temporary)) {
                    int fits = (int) remaining;
                    ByteBuffer part = source.duplicate();
                    part.limit(part.position() + fits);
                    while (part.hasRemaining()) {
                        real.write(part);
                    }
                    source.position(source.position() + fits);
                    remaining = 0;
                    failures++;
                    throw new IOException("No space left on device");
                }
                int written = real.write(source);
                if (!(logOnly && temporary)) {
                    remaining -= written;
                }
                return written;
            }

            @Override
            public void force() throws IOException {
                if (forceFails && !anchor) {
                    failures++;
                    throw new IOException("Input/output error (fsync)");
                }
                real.force();
            }

            @Override
            public long size() throws IOException {
                return real.size();
            }

            @Override
            public void truncate(long size) throws IOException {
                real.truncate(size);
            }

            @Override
            public void close() throws IOException {
                real.close();
            }
        };
    }
}
