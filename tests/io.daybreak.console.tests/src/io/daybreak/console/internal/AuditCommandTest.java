package io.daybreak.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.data.InvalidInputException;
import io.daybreak.federation.audit.AuditLog;

/**
 * {@code audit verify}: prints entries and head of an intact log; a log that is not intact (here: a refusal
 * removed) is a failure naming file and line, which the console turns into exit code 1.
 */
class AuditCommandTest {
    @TempDir
    Path dir;

    private String run(String... args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            new FederationCommands().audit(args);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path log(String name) throws Exception {
        Path file = dir.resolve(name);
        try (AuditLog log = AuditLog.open(file, Clock.systemUTC())) {
            log.append("request", Map.of("method", "stats.glm", "requester", "CN=alice"));
            log.append("refusal", Map.of("method", "stats.glm", "rule", "subset-size"));
            log.append("request", Map.of("method", "stats.km", "requester", "CN=alice"));
        }
        return file;
    }

    @Test
    void anIntactLogPrintsItsEntriesAndHead() throws Exception {
        Path file = log("audit.log");
        String head;
        try (AuditLog log = AuditLog.open(file, Clock.systemUTC())) {
            head = log.lastHash();
        }
        String printed = run("verify", "--log", file.toString(), "--key", file + ".key");
        assertTrue(printed.contains("intact") && printed.contains("true") && printed.contains(head), printed);
        assertTrue(printed.matches("(?s).*entries\\s+3\\b.*"), printed);
        assertEquals(printed, run("verify", file.toString()), "the form without --log still works");
    }

    @Test
    void aLogWithoutItsRefusalIsAFailureNamingFileAndLine() throws Exception {
        Path file = log("audit.log");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Files.write(file, List.of(lines.get(0), lines.get(2)), StandardCharsets.UTF_8);
        FederationCommands.AuditBrokenException broken = assertThrows(FederationCommands.AuditBrokenException.class,
                () -> run("verify", "--log", file.toString()));
        assertTrue(broken.getMessage().contains(file + ":2: "), broken.getMessage());
        assertEquals(1, Failures.exitCode(broken), "not intact is exit code 1");

        Path otherKey = dir.resolve("other.key");
        Files.writeString(otherKey, "cd".repeat(32) + "\n");
        Path intact = log("intact.log");
        assertThrows(FederationCommands.AuditBrokenException.class, () -> run("verify", "--log", intact.toString(),
                "--key", otherKey.toString()));
        assertThrows(InvalidInputException.class, () -> run("verify"));
    }
}
