package io.daybreak.data.ipc;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.util.VectorSchemaRootAppender;

import io.daybreak.data.AtomicFiles;
import io.daybreak.data.DataFormatException;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;

/**
 * Arrow IPC reading and writing. Written files and streams are standard Arrow IPC (format version V5)
 * and readable by any Arrow implementation. Reading concatenates all record batches into one table
 * allocated from the caller's allocator; on any error nothing stays allocated.
 */
public final class ArrowIpc {
    private static final byte[] FILE_MAGIC = {'A', 'R', 'R', 'O', 'W', '1'};
    private static final int CONTINUATION = 0xFFFFFFFF;
    /** Flatbuffer metadata of one IPC message (a schema or batch header); real ones are kilobytes. */
    private static final int MAX_METADATA_BYTES = 64 << 20;

    private ArrowIpc() {
    }

    /** Writes {@code table} as an Arrow IPC file (random-access format), atomically. */
    public static void writeFile(Table table, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            try (ArrowFileWriter writer = new ArrowFileWriter(table.arrowRoot(), null, Channels.newChannel(out))) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
        });
    }

    /** Writes {@code table} in the Arrow IPC streaming format; does not close {@code out}. */
    public static void writeStream(Table table, OutputStream out) throws IOException {
        ArrowStreamWriter writer = new ArrowStreamWriter(table.arrowRoot(), null, Channels.newChannel(out));
        writer.start();
        writer.writeBatch();
        writer.end();
        out.flush();
    }

    /** Writes {@code table} as an Arrow IPC stream file, atomically. */
    public static void writeStreamFile(Table table, Path file) throws IOException {
        AtomicFiles.write(file, out -> writeStream(table, out));
    }

    /** Reads an Arrow IPC file or stream file (the format is detected from its first bytes). */
    public static Table read(Path file, BufferAllocator allocator) {
        try {
            if (hasFileMagic(file)) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                        ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
                    return readAll(reader, allocator);
                }
            }
            try (InputStream in = checkedStream(new BufferedInputStream(Files.newInputStream(file)));
                    ArrowStreamReader reader = new ArrowStreamReader(in, allocator)) {
                return readAll(reader, allocator);
            }
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such file");
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new DataFormatException(file, 0, 0, "not a readable Arrow IPC file or stream: " + e.getMessage(), e);
        }
    }

    /** Reads one Arrow IPC stream from {@code in}; does not close {@code in}. */
    public static Table readStream(InputStream in, BufferAllocator allocator) {
        try {
            ArrowStreamReader reader = new ArrowStreamReader(checkedStream(new BufferedInputStream(in)), allocator);
            try {
                return readAll(reader, allocator);
            } finally {
                reader.close(false);
            }
        } catch (IOException | RuntimeException e) {
            throw new DataFormatException(null, 0, 0, "not a readable Arrow IPC stream: " + e.getMessage(), e);
        }
    }

    private static Table readAll(ArrowReader reader, BufferAllocator allocator) throws IOException {
        VectorSchemaRoot batch = reader.getVectorSchemaRoot();
        VectorSchemaRoot result = VectorSchemaRoot.create(batch.getSchema(), allocator);
        try {
            result.allocateNew();
            while (reader.loadNextBatch()) {
                VectorSchemaRootAppender.append(result, batch);
            }
            return Table.adopt(result);
        } catch (IOException | RuntimeException e) {
            result.close();
            throw e;
        }
    }

    /**
     * Checks the first message header before Arrow reads it: Arrow trusts the length prefix and would
     * allocate whatever it says (gigabytes for a text file), so garbage must be refused up front.
     */
    private static InputStream checkedStream(BufferedInputStream in) throws IOException {
        in.mark(8);
        byte[] header = in.readNBytes(8);
        in.reset();
        if (header.length < 8) {
            throw new IOException("too short for an Arrow IPC stream (" + header.length + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        int first = buffer.getInt(0);
        int length = first == CONTINUATION ? buffer.getInt(4) : first; // pre-0.15 streams have no marker
        if (length < 0 || length > MAX_METADATA_BYTES) {
            throw new IOException("no Arrow IPC message at the start (metadata length " + Integer.toUnsignedString(length)
                    + ")");
        }
        return in;
    }

    private static boolean hasFileMagic(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(FILE_MAGIC.length), FILE_MAGIC);
        }
    }
}
