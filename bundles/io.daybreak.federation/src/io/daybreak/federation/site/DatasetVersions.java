package io.daybreak.federation.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import io.daybreak.data.ContentDigest;
import io.daybreak.data.Table;
import io.daybreak.federation.audit.KeyFiles;

/**
 * How a site names the versions of the datasets it serves: a content digest of each served table (the values as
 * served, independent of file format, column order and row order; {@link ContentDigest}), keyed with a secret of the
 * site (HMAC-SHA256). The digest identifies a version to everyone who saw it, so a study can pin it; without the key
 * it cannot be recomputed from guessed rows, so it is no oracle for a small dataset's contents (ADR 0023).
 *
 * <p>The key is 32 random bytes kept in a file only its owner may read, beside the node's audit log
 * ({@link #keyFile}); it is made when a node first starts. A new key changes every digest of the site: pins taken
 * before no longer match, as if the data had changed.
 */
public final class DatasetVersions {
    /** What a digest looks like: 64 lowercase hex digits. */
    public static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    private final byte[] key;

    private DatasetVersions(byte[] key) {
        this.key = key.clone();
    }

    /** A key for this process only (in-process nodes, tests): digests are stable while it lives. */
    public static DatasetVersions ephemeral() {
        byte[] key = new byte[ContentDigest.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return new DatasetVersions(key);
    }

    /** The key file of a node whose audit log is {@code auditLog}: {@code audit.log} → {@code audit.log.versions.key}. */
    public static Path keyFile(Path auditLog) {
        return auditLog.resolveSibling(auditLog.getFileName() + ".versions.key");
    }

    /**
     * Reads the site's key, or makes one if the file does not exist yet (owner-only, written completely before it is
     * used).
     *
     * @throws IOException naming the file if it cannot be read or written or is not a key
     */
    public static DatasetVersions open(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] key = new byte[ContentDigest.KEY_BYTES];
            new SecureRandom().nextBytes(key);
            try {
                create(file, key);
                return new DatasetVersions(key);
            } catch (FileAlreadyExistsException raced) {
                // another process made it first: use theirs
            }
        }
        if (Files.size(file) > 4 * ContentDigest.KEY_BYTES) {
            throw new IOException("dataset version key file " + file + " is not a key (too large)");
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (!text.matches("[0-9a-fA-F]{" + 2 * ContentDigest.KEY_BYTES + "}")) {
            throw new IOException("dataset version key file " + file + " is not a key (" + 2 * ContentDigest.KEY_BYTES
                    + " hex digits expected)");
        }
        return new DatasetVersions(HexFormat.of().parseHex(text));
    }

    private static void create(Path file, byte[] key) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        KeyFiles.writeNew(temp, key);
        try {
            // a link, not a rename: an existing key file is never replaced
            Files.createLink(file, temp);
        } catch (UnsupportedOperationException noLinks) {
            Files.move(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The version digest of a table as this site serves it (64 hex digits). */
    public String digest(Table table) {
        return ContentDigest.hmacSha256(table, key);
    }
}
