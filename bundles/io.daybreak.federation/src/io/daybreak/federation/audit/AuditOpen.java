package io.daybreak.federation.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides, when a log is opened, whether it can be continued: brand new (create key, log and anchor), intact
 * and not behind its anchor (continue, cutting a torn last line), or not to be continued (refused, or with
 * {@code startNew} moved aside and begun anew). Nothing on disk changes before that decision is made.
 * Stateless.
 */
final class AuditOpen {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /**
     * Why a log cannot be continued.
     *
     * @param reason  a short code recorded in a {@code started-anew} entry
     * @param message what was found, for the exception, naming the files
     * @param details short facts recorded with the reason
     */
    private record Finding(String reason, String message, Map<String, Object> details) {
    }

    private AuditOpen() {
    }

    static AuditLog open(Path file, Path keyFile, Clock clock, boolean startNew, String requestedBy,
            AuditStorage storage) throws IOException {
        Path anchorFile = AuditAnchor.fileOf(file);
        if (!Files.exists(keyFile)) {
            return withoutKey(file, keyFile, anchorFile, clock, startNew, requestedBy, storage);
        }
        AuditKey key = AuditKey.load(keyFile);
        AuditAnchor anchor = null;
        Finding finding = null;
        if (!Files.exists(anchorFile)) {
            finding = new Finding("anchor-missing", "has no anchor " + anchorFile + " although its key " + keyFile
                    + " exists: the anchor was deleted, so a truncated or replaced log could not be told apart",
                    Map.of());
        } else {
            anchor = readAnchor(anchorFile);
            if (anchor == null) {
                finding = new Finding("anchor-unreadable", "has an anchor " + anchorFile + " that is not an anchor "
                        + "(damaged or written by something else)", Map.of());
            } else if (!anchor.validUnder(key)) {
                finding = new Finding("anchor-invalid", "has an anchor " + anchorFile + " whose MAC does not check "
                        + "under the key " + keyFile + " (the anchor was edited, or belongs to another key)", Map.of());
            }
        }
        AuditAnchor trusted = finding == null ? anchor : null;
        AuditScan.Outcome scan = null;
        if (!Files.exists(file)) {
            finding = new Finding("log-missing", "is missing, but its key " + keyFile + (trusted != null
                    ? " and anchor " + anchorFile + " exist (the anchor records " + trusted + ")" : " exists")
                    + ": the log was deleted or moved", Map.of());
        } else {
            scan = AuditScan.scan(file, key, trusted == null ? 0 : trusted.entries());
            Finding broken = checkScan(file, anchorFile, scan, trusted);
            finding = broken != null ? broken : finding;
        }
        if (finding != null) {
            if (!startNew) {
                throw refusal(file, finding);
            }
            return startAnew(file, keyFile, key, anchor, trusted != null, finding, clock, requestedBy, storage);
        }
        if (startNew) {
            throw new IOException("audit log " + file + " can be continued (entries: " + scan.entries() + ", head "
                    + scan.lastHash() + ", not behind its anchor): a new log is started only in place of one that "
                    + "is missing or cannot be continued; open it without startNew (--new-audit-log)");
        }
        AuditLog log = new AuditLog(file, key, clock, storage, storage.open(file, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), new AuditLog.Head(scan.entries(), scan.lastHash()), scan.goodBytes());
        try {
            log.recoverAtOpen(scan.problem());
            log.anchorIfBehind(trusted);
        } catch (IOException e) {
            log.close();
            throw new IOException("audit log " + file + ": " + (scan.problem() == null ? "" : "its torn last line ("
                    + scan.problem().describe(file) + ") could not be recovered: ") + e.getMessage(), e);
        }
        return log;
    }

    /** A chain problem, or a log behind or beside its anchor; null if the log can be continued. */
    private static Finding checkScan(Path file, Path anchorFile, AuditScan.Outcome scan, AuditAnchor anchor) {
        AuditScan.Problem problem = scan.problem();
        Map<String, Object> where = problem == null ? Map.of() : Map.of("line", problem.line(), "problem",
                problem.why());
        if (problem != null && !problem.tail()) {
            return new Finding("chain-broken", "is not intact: " + problem.describe(file), where);
        }
        if (problem != null && anchor != null && anchor.entries() >= problem.line()) {
            return new Finding("chain-broken", "is not intact: " + problem.describe(file) + "; its anchor records "
                    + anchor.entries() + " entries, so that line was once complete: this is damage, not an "
                    + "interrupted append", where);
        }
        if (anchor == null) {
            return null;
        }
        Map<String, Object> log = Map.of("logEntries", scan.entries(), "logHead", scan.lastHash());
        if (scan.entries() < anchor.entries()) {
            return new Finding("log-behind-anchor", "ends at entry " + scan.entries() + " (head " + scan.lastHash()
                    + ") but its anchor " + anchorFile + " records " + anchor + ": the log was truncated, rolled "
                    + "back or replaced", log);
        }
        if (!anchor.head().equals(scan.markedHash())) {
            return new Finding("log-replaced", "has entry " + anchor.entries() + " with hash " + scan.markedHash()
                    + " but its anchor " + anchorFile + " records " + anchor + ": the log was replaced by another "
                    + "chain", log);
        }
        return null;
    }

    /** No key file: a brand-new node, a creation cut short, or a log whose key is gone. */
    private static AuditLog withoutKey(Path file, Path keyFile, Path anchorFile, Clock clock, boolean startNew,
            String requestedBy, AuditStorage storage) throws IOException {
        boolean emptyLog = !Files.exists(file) || Files.size(file) == 0;
        AuditAnchor anchor = Files.exists(anchorFile) ? readAnchor(anchorFile) : null;
        boolean noHistory = !Files.exists(anchorFile) || anchor != null && anchor.entries() == 0;
        if (emptyLog && noHistory) {
            // the key is written last, so a node without one never appended: create (or finish creating) it
            Path directory = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(directory)) {
                throw new IOException("audit log " + file + " cannot be created: directory " + directory
                        + " does not exist");
            }
            AuditKey key = AuditKey.generate();
            AuditStorage.Channel channel = storage.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            AuditLog log = new AuditLog(file, key, clock, storage, channel, new AuditLog.Head(0, AuditLog.GENESIS), 0);
            try {
                channel.force();
                log.anchorIfBehind(null);
                key.write(keyFile);
                forceDirectory(file);
                forceDirectory(keyFile);
            } catch (IOException e) {
                log.close();
                throw new IOException("audit log " + file + ": could not create the log, its anchor and its key "
                        + keyFile + ": " + e.getMessage(), e);
            }
            return log;
        }
        Finding finding = new Finding("key-missing", "has no key file " + keyFile + (emptyLog ? "" : " but holds "
                + Files.size(file) + " bytes of entries") + (anchor != null ? " and its anchor records " + anchor
                : "") + ": it was written by a version without keyed entries, or its key was removed, so its "
                + "entries cannot be verified", Map.of());
        if (!startNew) {
            throw refusal(file, finding);
        }
        return startAnew(file, keyFile, null, anchor, false, finding, clock, requestedBy, storage);
    }

    private static IOException refusal(Path file, Finding finding) {
        return new IOException("audit log " + file + " " + finding.message() + ". Refusing to continue it; to set it "
                + "aside and start a new log, open it with startNew (daybreak node --new-audit-log)");
    }

    /**
     * Moves whatever is at {@code file} aside and begins a new log whose first entry says why, what the
     * previous anchor recorded and where the previous log went. {@code key} is null if a new key is needed.
     */
    private static AuditLog startAnew(Path file, Path keyFile, AuditKey key, AuditAnchor previous,
            boolean previousVerified, Finding finding, Clock clock, String requestedBy, AuditStorage storage)
            throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("reason", finding.reason());
        fields.putAll(finding.details());
        fields.put("requestedBy", requestedBy == null ? "startNew" : requestedBy);
        if (previous == null) {
            fields.put("previousAnchor", "none");
        } else {
            Map<String, Object> anchor = new LinkedHashMap<>();
            anchor.put("entries", previous.entries());
            anchor.put("head", previous.head());
            anchor.put("macVerified", previousVerified);
            fields.put("previousAnchor", anchor);
        }
        if (Files.exists(file)) {
            Path aside = aside(file, clock);
            Map<String, Object> moved = new LinkedHashMap<>();
            moved.put("movedTo", aside.getFileName().toString());
            moved.put("bytes", Files.size(file));
            moved.put("sha256", sha256(file));
            Files.move(file, aside);
            Path pending = AuditTail.pendingFile(file);
            if (Files.exists(pending)) {
                // a cut the previous log did not record belongs with it
                Files.move(pending, AuditTail.pendingFile(aside));
            }
            fields.put("previousLog", moved);
        } else {
            fields.put("previousLog", "missing");
        }
        boolean newKey = key == null;
        AuditKey used = newKey ? AuditKey.generate() : key;
        fields.put("newKey", newKey);
        AuditStorage.Channel channel = storage.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        AuditLog log = new AuditLog(file, used, clock, storage, channel, new AuditLog.Head(0, AuditLog.GENESIS), 0);
        try {
            log.startedAnew(fields);
            if (newKey) {
                if (Files.exists(keyFile)) {
                    throw new IOException("key file " + keyFile + " appeared while the log was being started anew");
                }
                used.write(keyFile);
            }
            forceDirectory(file);
            forceDirectory(keyFile);
        } catch (IOException e) {
            log.close();
            throw new IOException("audit log " + file + ": could not start a new log: " + e.getMessage(), e);
        }
        return log;
    }

    private static Path aside(Path file, Clock clock) {
        String base = file.getFileName() + ".replaced-" + STAMP.format(clock.instant());
        Path aside = file.resolveSibling(base);
        for (int n = 2; Files.exists(aside); n++) {
            aside = file.resolveSibling(base + "-" + n);
        }
        return aside;
    }

    private static AuditAnchor readAnchor(Path file) {
        try {
            return AuditAnchor.read(file);
        } catch (IOException e) {
            return null;
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Makes renames and new files in the file's directory durable, where the platform allows it. */
    static void forceDirectory(Path file) {
        Path directory = file.toAbsolutePath().getParent();
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some platforms (Windows) cannot open a directory; the rename is then as durable as the OS makes it
        }
    }
}
