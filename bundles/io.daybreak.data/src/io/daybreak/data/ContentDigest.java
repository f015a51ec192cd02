package io.daybreak.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * The digest of a dataset version: of a table's values as Daybreak reads them, independent of the file format, of the
 * order of columns and of the order of rows, so the same data as CSV, Parquet, Arrow or Dataset-JSON has one digest
 * (unlike {@link TableDigest}, which is of one table exactly as it is, in order, with its Arrow types).
 *
 * <p><b>Construction (version 1).</b> Columns are taken in the order of their names' UTF-8 bytes. A row is encoded as
 * its cells in that order: {@code 0x00} for a null, else {@code 0x01}, a type tag and the value: {@code I} and the
 * value as a signed 64-bit big-endian integer for int32 and int64 columns (so an int32 and an int64 column of the same
 * numbers are the same), {@code F} and the IEEE 754 bits of a float64 ({@link Double#doubleToLongBits}: one NaN),
 * {@code B} and one byte for a boolean, {@code S} and the 4-byte length and UTF-8 bytes of a string, and for any other
 * Arrow type {@code O} and the length-prefixed text of its value. Each row's encoding is hashed with SHA-256; the row
 * hashes are sorted (unsigned bytes), so the table is a multiset of rows. The digest is the MAC (or hash) of a header
 * ({@code daybreak-content/1}, the row count, and each column's name and kind: {@code integer}, {@code float64},
 * {@code boolean}, {@code string} or the Arrow type, all length-prefixed) followed by the sorted row hashes.
 *
 * <p><b>Keyed or not.</b> {@link #sha256} can be recomputed by anyone who holds the table, and so can confirm a guess
 * of it: a dataset of a few rows whose values can be guessed is confirmed by its digest. {@link #hmacSha256} is the
 * same construction with HMAC-SHA256 under a secret key for the final step: it identifies a version to whoever saw it
 * from the key's holder, and is no test for guessed contents without the key. Site nodes publish only keyed digests
 * (ADR 0023).
 */
public final class ContentDigest {
    /** Bytes of a key for {@link #hmacSha256}. */
    public static final int KEY_BYTES = 32;
    private static final String FORMAT = "daybreak-content/1";

    private ContentDigest() {
    }

    /** The unkeyed digest (64 hex digits): for comparing copies of data one holds; a test for guessed contents. */
    public static String sha256(Table table) {
        return HexFormat.of().formatHex(digest(table, null));
    }

    /** The digest under {@code key} (at least {@link #KEY_BYTES} bytes), 64 hex digits. */
    public static String hmacSha256(Table table, byte[] key) {
        if (key == null || key.length < KEY_BYTES) {
            throw new IllegalArgumentException("a content digest key has at least " + KEY_BYTES + " bytes");
        }
        return HexFormat.of().formatHex(digest(table, key));
    }

    private static byte[] digest(Table table, byte[] key) {
        List<String> names = new ArrayList<>(table.columnNames());
        names.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        FieldVector[] vectors = new FieldVector[names.size()];
        char[] kinds = new char[names.size()];
        Final result = new Final(key);
        result.update(FORMAT.getBytes(StandardCharsets.UTF_8));
        result.update(ByteBuffer.allocate(8).putLong(table.rowCount()).array());
        for (int c = 0; c < names.size(); c++) {
            vectors[c] = table.vector(names.get(c));
            ColumnType type = table.columnType(names.get(c));
            kinds[c] = type == null ? 'O' : switch (type) {
            case INT32, INT64 -> 'I';
            case FLOAT64 -> 'F';
            case BOOLEAN -> 'B';
            case STRING -> 'S';
            };
            result.update(text(names.get(c)));
            result.update(text(switch (kinds[c]) {
            case 'I' -> "integer";
            case 'F' -> "float64";
            case 'B' -> "boolean";
            case 'S' -> "string";
            default -> vectors[c].getField().getType().toString();
            }));
        }
        MessageDigest rowHash = sha256();
        ByteBuffer cell = ByteBuffer.allocate(9);
        byte[][] rows = new byte[table.rowCount()][];
        for (int row = 0; row < rows.length; row++) {
            for (int c = 0; c < vectors.length; c++) {
                FieldVector vector = vectors[c];
                if (vector.isNull(row)) {
                    rowHash.update((byte) 0);
                    continue;
                }
                rowHash.update((byte) 1);
                rowHash.update((byte) kinds[c]);
                switch (kinds[c]) {
                case 'I' -> rowHash.update(cell.clear().putLong(vector instanceof IntVector ints ? ints.get(row)
                        : ((BigIntVector) vector).get(row)).array(), 0, 8);
                case 'F' -> rowHash.update(cell.clear().putLong(Double.doubleToLongBits(((Float8Vector) vector).get(row)))
                        .array(), 0, 8);
                case 'B' -> rowHash.update((byte) ((BitVector) vector).get(row));
                case 'S' -> rowHash.update(text(((VarCharVector) vector).get(row)));
                default -> rowHash.update(text(String.valueOf(vector.getObject(row))));
                }
            }
            rows[row] = rowHash.digest();
        }
        Arrays.sort(rows, Arrays::compareUnsigned);
        for (byte[] row : rows) {
            result.update(row);
        }
        return result.done();
    }

    private static byte[] text(String value) {
        return text(value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] text(byte[] utf8) {
        return ByteBuffer.allocate(4 + utf8.length).putInt(utf8.length).put(utf8).array();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The last step: HMAC-SHA256 under the key, or SHA-256 without one. */
    private static final class Final {
        private final Mac mac;
        private final MessageDigest digest;

        Final(byte[] key) {
            try {
                mac = key == null ? null : Mac.getInstance("HmacSHA256");
                if (mac != null) {
                    mac.init(new SecretKeySpec(key, "HmacSHA256"));
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every Java platform has HmacSHA256", e);
            }
            digest = key == null ? sha256() : null;
        }

        void update(byte[] bytes) {
            if (mac != null) {
                mac.update(bytes);
            } else {
                digest.update(bytes);
            }
        }

        byte[] done() {
            return mac != null ? mac.doFinal() : digest.digest();
        }
    }
}
