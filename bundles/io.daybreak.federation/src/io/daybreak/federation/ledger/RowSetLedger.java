package io.daybreak.federation.ledger;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;

/**
 * The row sets of a node's earlier answers, per dataset, for all requesters together (they may collude). A
 * row set is the set of row indices of the site's dataset that a statistic was computed from; two answers
 * whose row sets differ by a few rows reveal those rows by subtraction, so a node checks every new row set
 * against all recorded ones of the dataset ({@link #admit}) before it computes anything.
 *
 * <p><b>File.</b> Append-only text, one record per distinct row set: the dataset id (Base64URL), the row set as
 * a deflated {@link BitSet} (Base64), and a CRC-32 of both. Every append is forced to disk before
 * {@link #admit} returns, so a row set is durable before anything computed from it can leave. Reopening
 * reads every record back; a torn last line (a crash while appending; nothing was computed from it) is cut
 * off, any other damaged record makes {@link #open} fail, and the node must not serve.
 *
 * <p><b>Keys.</b> A dataset is identified by its name and a digest of its row count and columns
 * ({@link #datasetId}), so row indices recorded for one version of a file are never compared with another.
 *
 * <p><b>Threads.</b> All methods are synchronized: the check and the record of {@link #admit} are one step,
 * so two concurrent requests cannot both pass against a ledger that holds neither.
 */
public final class RowSetLedger implements Closeable {
    private static final String HEADER = "daybreak row-set ledger 1";

    private final Path file;
    private final FileChannel channel;
    /** Recorded row sets per dataset id, as the words of their bit sets. */
    private final Map<String, List<long[]>> sets = new HashMap<>();
    private boolean closed;

    private RowSetLedger(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** A ledger that lives only as long as this object (tests, and nodes built without a ledger file). */
    public static RowSetLedger inMemory() {
        return new RowSetLedger(null, null);
    }

    /**
     * Opens (or creates) a ledger file and reads its records.
     *
     * @throws IOException if the file cannot be read or written, or a record other than a torn last line is
     *                     damaged (the message names the file and line)
     */
    public static RowSetLedger open(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            RowSetLedger ledger = new RowSetLedger(file, channel);
            ledger.load();
            return ledger;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void load() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int complete = bytes.length;
        while (complete > 0 && bytes[complete - 1] != '\n') {
            complete--;
        }
        if (complete < bytes.length) {
            channel.truncate(complete); // torn append: the request it belonged to never got an answer
            channel.force(true);
        }
        String text = new String(bytes, 0, complete, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            append(HEADER);
            return;
        }
        String[] lines = text.split("\n", -1);
        if (!lines[0].equals(HEADER)) {
            throw new IOException(file + ":1: not a row-set ledger (expected '" + HEADER + "')");
        }
        for (int i = 1; i < lines.length - 1; i++) {
            String[] fields = lines[i].split(" ");
            if (fields.length != 3 || !crc(fields[0] + " " + fields[1]).equals(fields[2])) {
                throw new IOException(file + ":" + (i + 1) + ": damaged row-set ledger record; the node must not serve "
                        + "until the ledger is restored");
            }
            try {
                String dataset = new String(Base64.getUrlDecoder().decode(fields[0]), StandardCharsets.UTF_8);
                sets.computeIfAbsent(dataset, k -> new ArrayList<>()).add(inflate(Base64.getDecoder().decode(fields[1])));
            } catch (IllegalArgumentException | DataFormatException e) {
                throw new IOException(file + ":" + (i + 1) + ": damaged row-set ledger record", e);
            }
        }
        channel.position(channel.size());
    }

    /**
     * The ledger id of a dataset: its name and a digest of its row count and column names and types.
     */
    public static String datasetId(String name, Table table) {
        StringBuilder signature = new StringBuilder().append(table.rowCount()).append('\n');
        for (String column : table.columnNames()) {
            ColumnType type = table.columnType(column);
            signature.append(column).append('\t').append(type == null ? "other" : type.alias()).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(signature.toString().getBytes(StandardCharsets.UTF_8));
            return name + "@" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * Admits a row set of a dataset unless it differs from a recorded row set of that dataset by between 1 and
     * {@code minDifference} − 1 rows (the size of the symmetric difference); an admitted row set is recorded,
     * durably, before this returns (once per distinct row set).
     *
     * @return false if the row set is too close to a recorded one (nothing recorded)
     * @throws IOException if the record cannot be written; nothing may then be released
     */
    public synchronized boolean admit(String dataset, BitSet rows, long minDifference) throws IOException {
        checkOpen();
        long[] words = rows.toLongArray();
        boolean known = false;
        for (long[] recorded : sets.getOrDefault(dataset, List.of())) {
            long difference = difference(recorded, words, minDifference);
            if (difference == 0) {
                known = true;
            } else if (difference < minDifference) {
                return false;
            }
        }
        if (!known) {
            record(dataset, words);
        }
        return true;
    }

    /** Whether this row set of the dataset has been recorded. */
    public synchronized boolean contains(String dataset, BitSet rows) {
        long[] words = rows.toLongArray();
        return sets.getOrDefault(dataset, List.of()).stream().anyMatch(recorded -> Arrays.equals(recorded, words));
    }

    /** The recorded row sets of a dataset, in the order first recorded. */
    public synchronized List<BitSet> rowSets(String dataset) {
        return sets.getOrDefault(dataset, List.of()).stream().map(BitSet::valueOf).toList();
    }

    /** Forces everything appended so far to disk (a no-op in memory). */
    public synchronized void force() throws IOException {
        checkOpen();
        if (channel != null) {
            channel.force(true);
        }
    }

    /** The file, or null for a ledger in memory. */
    public Path file() {
        return file;
    }

    private void record(String dataset, long[] words) throws IOException {
        if (channel != null) {
            String key = Base64.getUrlEncoder().withoutPadding().encodeToString(dataset.getBytes(StandardCharsets.UTF_8));
            String body = key + " " + Base64.getEncoder().encodeToString(deflate(BitSet.valueOf(words).toByteArray()));
            append(body + " " + crc(body));
        }
        sets.computeIfAbsent(dataset, k -> new ArrayList<>()).add(words);
    }

    private void append(String line) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(true);
    }

    /** |a Δ b|, counted only up to {@code limit} (any value ≥ limit means "far enough"). */
    private static long difference(long[] a, long[] b, long limit) {
        long count = 0;
        int n = Math.max(a.length, b.length);
        for (int i = 0; i < n && count < limit; i++) {
            long x = (i < a.length ? a[i] : 0) ^ (i < b.length ? b[i] : 0);
            count += Long.bitCount(x);
        }
        return count;
    }

    private static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static long[] inflate(byte[] bytes) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated row set");
                }
                out.write(buffer, 0, n);
            }
            return BitSet.valueOf(out.toByteArray()).toLongArray();
        } finally {
            inflater.end();
        }
    }

    private static String crc(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("the row-set ledger is closed");
        }
    }

    /** Datasets with recorded row sets and how many each has (for the node's operator; never sent to requesters). */
    public synchronized Map<String, Integer> summary() {
        Map<String, Integer> summary = new LinkedHashMap<>();
        sets.keySet().stream().sorted().forEach(dataset -> summary.put(dataset, sets.get(dataset).size()));
        return summary;
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        if (channel != null) {
            channel.close();
        }
    }
}
