package io.daybreak.federation.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks an audit log with its key: every line is a complete entry, sequence numbers run 1, 2, 3, …, each
 * entry's {@code prev} is the previous entry's hash, and each hash is the HMAC-SHA256 of its entry under the
 * key, so a log rewritten without the key (entries removed and hashes recomputed with plain SHA-256 or another
 * key) does not verify. If the log's anchor ({@code <log>.anchor}) is present, the log must also reach the
 * entry the anchor records, with the hash it records, and the anchor's MAC must check: a truncated, rolled-back
 * or swapped log does not verify either. The first problem is reported with file and line. Stateless.
 */
public final class AuditVerifier {
    private AuditVerifier() {
    }

    /**
     * @param intact   whether the whole log checks
     * @param entries  entries checked before the first problem (all of them if intact)
     * @param lastHash the last good entry's hash
     * @param problem  what is wrong, where ({@code file:line: why}), or null
     */
    public record Result(boolean intact, long entries, String lastHash, String problem) {
    }

    /** Verifies {@code log} with the key at {@link AuditLog#defaultKeyFile}. */
    public static Result verify(Path log) throws IOException {
        return verify(log, AuditLog.defaultKeyFile(log));
    }

    /** Verifies {@code log} with the key in {@code keyFile}; a missing or unreadable key is a problem reported. */
    public static Result verify(Path log, Path keyFile) throws IOException {
        if (!Files.exists(keyFile)) {
            return new Result(false, 0, AuditLog.GENESIS, keyFile + ": no such audit key file; the entries are keyed "
                    + "and cannot be verified without the node's key");
        }
        AuditKey key;
        try {
            key = AuditKey.load(keyFile);
        } catch (IOException e) {
            return new Result(false, 0, AuditLog.GENESIS, e.getMessage());
        }
        Path anchorFile = AuditAnchor.fileOf(log);
        AuditAnchor anchor = null;
        if (Files.exists(anchorFile)) {
            try {
                anchor = AuditAnchor.read(anchorFile);
            } catch (IOException e) {
                return new Result(false, 0, AuditLog.GENESIS, e.getMessage());
            }
            if (!anchor.validUnder(key)) {
                return new Result(false, 0, AuditLog.GENESIS, anchorFile + ": the anchor's MAC does not check under "
                        + "the key " + keyFile + " (edited, or belongs to another key)");
            }
        }
        AuditScan.Outcome scan = AuditScan.scan(log, key, anchor == null ? 0 : anchor.entries());
        if (!scan.intact()) {
            AuditScan.Problem problem = scan.problem();
            return new Result(false, scan.entries(), scan.lastHash(), problem.describe(log) + (problem.tail()
                    && (anchor == null || anchor.entries() < problem.line()) ? " (a torn last line: the node cuts it "
                    + "and records the cut when it next opens the log)" : ""));
        }
        if (anchor != null && scan.entries() < anchor.entries()) {
            return new Result(false, scan.entries(), scan.lastHash(), log + ":" + scan.entries() + ": the log ends "
                    + "with entry " + scan.entries() + " but its anchor " + anchorFile + " records " + anchor
                    + ": truncated, rolled back or replaced");
        }
        if (anchor != null && !anchor.head().equals(scan.markedHash())) {
            return new Result(false, scan.entries(), scan.lastHash(), log + ":" + anchor.entries() + ": entry "
                    + anchor.entries() + " has hash " + scan.markedHash() + " but the anchor " + anchorFile
                    + " records " + anchor.head() + ": the log was replaced by another chain");
        }
        return new Result(true, scan.entries(), scan.lastHash(), null);
    }
}
