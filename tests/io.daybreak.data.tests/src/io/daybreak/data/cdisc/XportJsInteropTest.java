package io.daybreak.data.cdisc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.daybreak.data.ArrowTestSupport;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.data.files.TableFiles;

/**
 * Transport files we write must be readable by another implementation: npm's {@code xport-js} (an independent SAS
 * XPORT version 5 reader in JavaScript, installed by the build into target/node-readers) reads files written here,
 * and the dataset name and label, the variables' names, labels, types, lengths and formats and every value it sees
 * are compared with what was written.
 */
class XportJsInteropTest extends ArrowTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Edge values: UTF-8 text, missing text and numbers, fractions, large and tiny magnitudes, 2^53, booleans. */
    @Test
    void xportJsReadsOurFileWithEdgeValues() throws Exception {
        Path json = dir.resolve("edge.json");
        Files.writeString(json, """
                {"datasetJSONCreationDateTime":"2026-12-03T12:00:00","datasetJSONVersion":"1.1.0",
                 "itemGroupOID":"IG.EDGE","records":4,"name":"EDGE","label":"Edge values","columns":[
                 {"itemOID":"IT.USUBJID","name":"USUBJID","label":"Unique Subject Identifier","dataType":"string"},
                 {"itemOID":"IT.AVAL","name":"AVAL","label":"Analysis Value","dataType":"double","displayFormat":"8.3"},
                 {"itemOID":"IT.BIG","name":"BIG","label":"Magnitudes","dataType":"double"},
                 {"itemOID":"IT.N","name":"N","label":"Count","dataType":"integer"},
                 {"itemOID":"IT.FL","name":"FL","label":"Flag","dataType":"boolean"},
                 {"itemOID":"IT.ADT","name":"ADT","label":"Analysis Date","dataType":"date","targetDataType":"integer",
                  "displayFormat":"DATE9."}],
                 "rows":[["S-001",1.5,1e70,0,true,"1960-01-01"],[null,null,-123456789.123,-7,false,null],
                 ["S-\u00fc03",-0.125,1e-80,9007199254740992,true,"1959-12-31"],
                 ["S-004",0.1,9007199254740993,42,false,"2024-02-29"]]}
                """, StandardCharsets.UTF_8);
        Path file = dir.resolve("edge.xpt");
        try (Table table = DatasetJson.read(json, allocator)) {
            Xport.write(table, file, 5);
        }
        JsonNode seen = readWithXportJs(file);
        assertEquals("EDGE", seen.get("dataset").asText());
        assertEquals("Edge values", seen.get("label").asText());
        assertEquals(List.of("USUBJID", "AVAL", "BIG", "N", "FL", "ADT"), names(seen));
        assertEquals("Unique Subject Identifier", seen.at("/variables/0/label").asText());
        assertEquals("Analysis Value", seen.at("/variables/1/label").asText());
        assertEquals("Char", seen.at("/variables/0/type").asText());
        assertEquals("Num", seen.at("/variables/1/type").asText());
        assertEquals(6, seen.at("/variables/0/length").asInt(), "'S-\u00fc03' is 6 bytes of UTF-8");
        assertEquals("DATE9.", seen.at("/variables/5/format").asText());
        JsonNode rows = rows(seen, 4, 6 + 8 * 5);
        assertEquals("S-001", rows.at("/0/0").asText());
        assertEquals("", rows.at("/1/0").asText(), "SAS has no missing text: blanks");
        assertEquals("S-\u00fc03", rows.at("/2/0").asText());
        assertEquals(1.5, rows.at("/0/1").asDouble());
        assertTrue(rows.at("/1/1").isNull(), "SAS missing value");
        assertEquals(-0.125, rows.at("/2/1").asDouble());
        assertNear(0.1, rows.at("/3/1").asDouble());
        assertNear(1e70, rows.at("/0/2").asDouble());
        assertNear(-123456789.123, rows.at("/1/2").asDouble());
        assertEquals(0.0, rows.at("/2/2").asDouble(), "below IBM's smallest magnitude: 0");
        assertEquals(9007199254740992.0, rows.at("/3/2").asDouble(), "2^53 + 1 is the double 2^53");
        assertEquals(-7.0, rows.at("/1/3").asDouble());
        assertEquals(9007199254740992.0, rows.at("/2/3").asDouble());
        assertEquals(1.0, rows.at("/0/4").asDouble());
        assertEquals(0.0, rows.at("/1/4").asDouble());
        assertEquals(0.0, rows.at("/0/5").asDouble(), "SAS dates count days from 1960-01-01");
        assertTrue(rows.at("/1/5").isNull());
        assertEquals(-1.0, rows.at("/2/5").asDouble());
        assertEquals(23435.0, rows.at("/3/5").asDouble());
    }

    /** The synthetic ADSL (dates, datetimes, times, decimals, a missing number) written by us from Dataset-JSON. */
    @Test
    void xportJsReadsOurAdslAsWeWroteIt() throws Exception {
        Path file = dir.resolve("adsl.xpt");
        try (Table json = DatasetJson.read(testData("dataset-json/adsl.json"), allocator)) {
            TableFiles.write(json, file);
        }
        JsonNode seen = readWithXportJs(file);
        try (Table table = Xport.read(file, allocator)) {
            assertEquals("ADSL", seen.get("dataset").asText());
            assertEquals(table.metadata().get("cdisc.label"), seen.get("label").asText());
            assertEquals(table.columnNames(), names(seen));
            int width = 0;
            for (int c = 0; c < table.columnCount(); c++) {
                String column = table.columnNames().get(c);
                JsonNode variable = seen.get("variables").get(c);
                Map<String, String> metadata = table.columnMetadata(column);
                assertEquals(metadata.get(DatasetJson.LABEL), variable.get("label").asText(), column);
                boolean text = table.columnType(column) == ColumnType.STRING;
                assertEquals(text ? "Char" : "Num", variable.get("type").asText(), column);
                int length = text ? Integer.parseInt(metadata.get(DatasetJson.LENGTH)) : 8;
                assertEquals(length, variable.get("length").asInt(), column);
                width += length;
                String format = metadata.get(DatasetJson.DISPLAY_FORMAT);
                if (format != null && Character.isLetter(format.charAt(0))) {
                    // xport-js names a format only when it has a name (DATE9.), not a bare width (8.1)
                    assertEquals(format, variable.get("format").asText(), column);
                }
            }
            JsonNode rows = rows(seen, table.rowCount(), width);
            for (int c = 0; c < table.columnCount(); c++) {
                String column = table.columnNames().get(c);
                for (int row = 0; row < table.rowCount(); row++) {
                    JsonNode value = rows.get(row).get(c);
                    String at = column + " row " + (row + 1);
                    if (table.columnType(column) == ColumnType.STRING) {
                        assertEquals(table.strings(column).get(row), value.asText(), at);
                    } else if (table.vector(column).isNull(row)) {
                        assertTrue(value.isNull(), at);
                    } else {
                        assertNear(table.doubles(column).get(row), value.asDouble());
                    }
                }
            }
            assertTrue(rows.get(6).get(table.columnNames().indexOf("BMIBL")).isNull(), "row 7's missing BMI");
        }
    }

    /**
     * xport-js converts IBM floating point by adding the fraction's bits one at a time in doubles, which can round
     * the last bit: equal to within 2 units in the last place (our own reader gets the exact double, XportTest).
     */
    private static void assertNear(double expected, double actual) {
        assertEquals(expected, actual, 2 * Math.ulp(expected), () -> expected + " read as " + actual);
    }

    private static List<String> names(JsonNode seen) {
        return seen.findValuesAsText("name");
    }

    /**
     * The first {@code count} rows; xport-js reads the blank padding of the last 80-byte record as further rows, which
     * must be fewer than fit in 80 bytes.
     */
    private static JsonNode rows(JsonNode seen, int count, int rowLength) {
        JsonNode rows = seen.get("rows");
        assertTrue(rows.size() >= count && (rows.size() - count) * rowLength < 80,
                rows.size() + " rows read for " + count + " written");
        return rows;
    }

    private static JsonNode readWithXportJs(Path file) throws IOException, InterruptedException {
        Path modules = Path.of(System.getProperty("daybreak.node.dir"), "node_modules");
        assertTrue(Files.isDirectory(modules.resolve("xport-js")),
                "xport-js is not installed in " + modules + " (the build's npm install step)");
        Process node = new ProcessBuilder("node", testData("read-xport.mjs").toString(), modules.toString(),
                file.toString()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node did not finish");
        assertEquals(0, node.exitValue(), "node failed: " + output);
        return JSON.readTree(output);
    }
}
