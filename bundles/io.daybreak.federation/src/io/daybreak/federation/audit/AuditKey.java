package io.daybreak.federation.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A node's audit key: 32 random bytes, stored as 64 hex digits and a newline in a file only its owner may
 * read (where the file system has POSIX permissions). Entry hashes and the anchor are HMAC-SHA256 under this
 * key, so a log rewritten by someone who cannot read the key does not verify. Immutable and thread-safe: every
 * MAC uses its own {@link Mac}.
 */
final class AuditKey {
    static final int BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;

    private AuditKey(byte[] key) {
        this.key = key.clone();
    }

    /** A new key from {@link SecureRandom}. */
    static AuditKey generate() {
        byte[] bytes = new byte[BYTES];
        new SecureRandom().nextBytes(bytes);
        return new AuditKey(bytes);
    }

    /** For tests and tools that need a key that is not on disk. */
    static AuditKey of(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("an audit key has " + BYTES + " bytes, not " + bytes.length);
        }
        return new AuditKey(bytes);
    }

    /** Reads a key file, naming the file and what is wrong with it. */
    static AuditKey load(Path file) throws IOException {
        if (Files.size(file) > 4 * BYTES) {
            throw new IOException("audit key file " + file + " is not an audit key (too large)");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new IOException("audit key file " + file + " cannot be read: " + e, e);
        }
        if (!text.matches("[0-9a-fA-F]{" + 2 * BYTES + "}")) {
            throw new IOException("audit key file " + file + " is not an audit key (" + 2 * BYTES
                    + " hex digits expected)");
        }
        return new AuditKey(HexFormat.of().parseHex(text));
    }

    /**
     * Writes the key atomically: a temporary file created owner-only (never readable by others, not even
     * briefly), forced to disk, then renamed over {@code file}.
     */
    void write(Path file) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        KeyFiles.writeNew(temp, key);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /** HMAC-SHA256 of the previous hash, a newline and the canonical bytes of an entry without its hash. */
    String entryMac(String previous, byte[] canonicalEntry) {
        Mac mac = mac();
        mac.update(previous.getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) '\n');
        mac.update(canonicalEntry);
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** The anchor's MAC: its own domain, so an entry hash can never be passed off as an anchor or back. */
    String anchorMac(long entries, String head) {
        Mac mac = mac();
        mac.update(("daybreak-audit-anchor\n" + entries + "\n" + head).getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** Compares two hex MACs in time independent of where they differ. */
    static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
