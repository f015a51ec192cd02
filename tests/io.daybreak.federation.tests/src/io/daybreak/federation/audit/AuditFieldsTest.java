package io.daybreak.federation.audit;

import static io.daybreak.federation.audit.AuditFixtures.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** Item 5: field values are bounded before anything is written; no entry exceeds 8 KiB. */
class AuditFieldsTest {
    private static final int EIGHT_KIB = 8192;

    @TempDir
    Path dir;

    /** Appends one entry and returns its line as written, after checking the log still verifies. */
    private String appendAndRead(Map<String, ?> fields) throws IOException {
        Path log = dir.resolve("audit-" + System.nanoTime() + ".log");
        try (AuditLog audit = AuditLog.open(log, CLOCK)) {
            audit.append("request", fields);
        }
        AuditVerifier.Result result = AuditVerifier.verify(log);
        assertTrue(result.intact(), result.problem());
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertEquals(1, lines.size());
        return lines.get(0);
    }

    @Test
    void aTenMegabyteNameAndAHundredThousandElementListWriteLessThan8KiB() throws IOException {
        String name = "x".repeat(10_000_000);
        List<Integer> list = IntStream.range(0, 100_000).boxed().toList();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("requester", "CN=mallory");
        request.put("dataset", name);
        request.put("arguments", list);
        String line = appendAndRead(request);

        assertTrue(line.getBytes(StandardCharsets.UTF_8).length + 1 < EIGHT_KIB, "line of " + line.length() + " bytes");
        JsonNode fields = AuditFixtures.JSON.readTree(line).get("fields");
        assertEquals("CN=mallory", fields.get("requester").asText(), "small values are kept as they are");
        JsonNode dataset = fields.get("dataset");
        assertEquals(10_000_000, dataset.get("length").asLong());
        assertEquals("x".repeat(64), dataset.get("prefix").asText());
        assertEquals(AuditFixtures.sha256(name.getBytes(StandardCharsets.UTF_8)), dataset.get("sha256").asText());
        JsonNode arguments = fields.get("arguments");
        assertEquals("list", arguments.get("$summary").asText());
        assertEquals(100_000, arguments.get("length").asLong());
        assertEquals(AuditFixtures.sha256(AuditFixtures.JSON.writeValueAsBytes(list)), arguments.get("sha256").asText(),
                "the SHA-256 of the list's JSON, so whoever holds the request can match it");
    }

    @Test
    void stringsAreKeptUpTo200CharactersAndSummarisedBeyond() throws IOException {
        JsonNode fields = AuditFixtures.JSON.readTree(appendAndRead(Map.of("a", "y".repeat(200), "b", "z".repeat(201))))
                .get("fields");
        assertEquals("y".repeat(200), fields.get("a").asText());
        assertEquals("string", fields.get("b").get("$summary").asText());
        assertEquals(201, fields.get("b").get("length").asLong());
    }

    @Test
    void listsAreKeptUpTo64ElementsAndSummarisedBeyond() throws IOException {
        List<Integer> kept = IntStream.range(0, 64).boxed().toList();
        List<Integer> summarised = IntStream.range(0, 65).boxed().toList();
        JsonNode fields = AuditFixtures.JSON.readTree(appendAndRead(Map.of("a", kept, "b", summarised))).get("fields");
        assertEquals(64, fields.get("a").size());
        assertTrue(fields.get("a").isArray());
        assertEquals(65, fields.get("b").get("length").asLong());
        assertEquals(8, fields.get("b").get("first").size());
    }

    @Test
    void mapsNestedDeeperThanFourLevelsAreSummarised() throws IOException {
        // fields (1) -> a (2) -> b (3) -> c (4) -> d (5, summarised)
        Map<String, Object> d = Map.of("e", "deep");
        Map<String, Object> fields = Map.of("a", Map.of("b", Map.of("c", Map.of("d", d))));
        JsonNode c = AuditFixtures.JSON.readTree(appendAndRead(fields)).get("fields").get("a").get("b").get("c");
        assertEquals("map", c.get("d").get("$summary").asText());
        assertEquals(1, c.get("d").get("size").asInt());
        assertFalse(c.get("d").has("e"));
    }

    @Test
    void manyLongFieldsAndHugeNestingStillFitOneEntry() throws IOException {
        Map<String, Object> wide = new LinkedHashMap<>();
        for (int i = 0; i < 64; i++) {
            wide.put("k".repeat(200) + i, "v".repeat(200));
        }
        assertTrue(appendAndRead(wide).length() + 1 <= EIGHT_KIB);

        // 64 fields of 64 lists of 64 strings of 200 characters: 52 MB if it were written out
        List<Object> level = Collections.nCopies(64, Collections.nCopies(64, "w".repeat(200)));
        Map<String, Object> nested = new LinkedHashMap<>();
        for (int i = 0; i < 64; i++) {
            nested.put("f" + i, level);
        }
        String line = appendAndRead(nested);
        assertTrue(line.length() + 1 <= EIGHT_KIB, "line of " + line.length() + " bytes");

        Map<String, Object> manyKeys = new LinkedHashMap<>();
        for (int i = 0; i < 100_000; i++) {
            manyKeys.put("key" + i, i);
        }
        JsonNode fields = AuditFixtures.JSON.readTree(appendAndRead(Map.of("m", manyKeys))).get("fields");
        assertEquals(100_000, fields.get("m").get("size").asInt());
        List<Object> unicode = new ArrayList<>(List.of("\uD83D\uDE00".repeat(150))); // 300 chars of surrogate pairs
        assertTrue(appendAndRead(Map.of("u", unicode)).contains("\"length\":300"));
    }
}
