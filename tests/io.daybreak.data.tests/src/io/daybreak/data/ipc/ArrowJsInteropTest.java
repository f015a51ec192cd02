package io.daybreak.data.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.daybreak.data.ArrowTestSupport;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;

/**
 * Files we write must be readable by another Arrow implementation: the JavaScript one (npm
 * {@code apache-arrow}, installed by the build into target/node-readers) reads a file written here, and
 * the values it sees are compared with the values written.
 */
class ArrowJsInteropTest extends ArrowTestSupport {
    @TempDir
    Path dir;

    @Test
    void apacheArrowJsReadsOurIpcFile() throws Exception {
        Path file = dir.resolve("interop.arrow");
        try (Table table = Table.builder(allocator)
                .addString("USUBJID", "S-001", null, "S-ü03")
                .addInt64("AGE", 61, 47, 9_007_199_254_740_993L) // beyond 2^53: must survive as int64
                .add("AVAL", ColumnType.FLOAT64, Arrays.asList(1.5, null, -0.125))
                .addBoolean("CNSR", true, false, true)
                .build()) {
            ArrowIpc.writeFile(table, file);
        }
        JsonNode seen = readWithArrowJs(file);
        assertEquals(3, seen.get("rows").asInt());
        assertEquals("Utf8", seen.at("/fields/0/type").asText());
        assertEquals("Int64", seen.at("/fields/1/type").asText());
        assertEquals("Float64", seen.at("/fields/2/type").asText());
        assertEquals("Bool", seen.at("/fields/3/type").asText());
        JsonNode columns = seen.get("columns");
        assertEquals("S-001", columns.at("/USUBJID/0").asText());
        assertTrue(columns.at("/USUBJID/1").isNull());
        assertEquals("S-ü03", columns.at("/USUBJID/2").asText());
        assertEquals("9007199254740993", columns.at("/AGE/2").asText());
        assertEquals(1.5, columns.at("/AVAL/0").asDouble());
        assertTrue(columns.at("/AVAL/1").isNull());
        assertEquals(-0.125, columns.at("/AVAL/2").asDouble());
        assertEquals(false, columns.at("/CNSR/1").asBoolean());
    }

    private static JsonNode readWithArrowJs(Path file) throws IOException, InterruptedException {
        Path modules = Path.of(System.getProperty("daybreak.node.dir"), "node_modules");
        assertTrue(Files.isDirectory(modules.resolve("apache-arrow")),
                "apache-arrow is not installed in " + modules + " (the build's npm install step)");
        Process node = new ProcessBuilder("node", testData("read-arrow.mjs").toString(), modules.toString(),
                file.toString()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node did not finish");
        assertEquals(0, node.exitValue(), "node failed: " + output);
        return new ObjectMapper().readTree(output);
    }
}
