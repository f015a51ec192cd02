package io.daybreak.data.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.daybreak.data.ArrowTestSupport;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.data.cdisc.DatasetJson;
import io.daybreak.data.files.TableFiles;

/**
 * Parquet both ways with an independent implementation: parquet-wasm (arrow-rs's Parquet writer and reader) with the
 * JavaScript Arrow library, installed from npm by the build into target/node-readers. Files it writes, with Arrow field
 * and schema metadata as pyarrow writes them, are read here; files written here are read there with their types,
 * values and metadata.
 */
class ParquetWasmInteropTest extends ArrowTestSupport {
    private static final long DAY_MILLIS = 86_400_000L;

    @TempDir
    Path dir;

    @Test
    void weReadWhatParquetWasmWrites() throws Exception {
        Path file = dir.resolve("from-js.parquet");
        node("write", file);
        try (Table table = TableFiles.read(file, allocator)) {
            assertEquals(4, table.rowCount());
            assertEquals(ColumnType.STRING, table.columnType("USUBJID"));
            assertEquals(Arrays.asList("S-001", null, "S-ü03", ""), Arrays.asList(strings(table, "USUBJID")));
            assertEquals("Unique Subject Identifier", table.columnMetadata("USUBJID").get(DatasetJson.LABEL));
            assertEquals(ColumnType.INT64, table.columnType("AGE"));
            assertEquals(9_007_199_254_740_993L, table.longs("AGE").get(3));
            assertTrue(table.longs("AGE").isNull(2));
            assertEquals("Age", table.columnMetadata("AGE").get(DatasetJson.LABEL));
            assertEquals(ColumnType.INT32, table.columnType("DOSE"));
            assertEquals(Integer.MAX_VALUE, table.longs("DOSE").get(3));
            assertEquals(ColumnType.FLOAT64, table.columnType("AVAL"));
            assertEquals(-0.125, table.doubles("AVAL").get(2));
            assertEquals(Double.POSITIVE_INFINITY, table.doubles("AVAL").get(3));
            assertEquals(ColumnType.FLOAT64, table.columnType("WEIGHT"));
            assertEquals((double) 0.1f, table.doubles("WEIGHT").get(3));
            assertEquals(ColumnType.BOOLEAN, table.columnType("CNSR"));
            assertTrue(table.booleans("CNSR").isNull(2));
            assertEquals(Arrays.asList("2022-01-08", null, "1970-01-01", "1969-12-31"),
                    Arrays.asList(strings(table, "TRTSDT")));
            assertEquals("date", table.columnMetadata("TRTSDT").get(DatasetJson.DATA_TYPE));
            assertEquals(Arrays.asList("2024-01-02T03:04:05.25", null, "1970-01-01T00:00:00", "1999-12-31T23:59:59"),
                    Arrays.asList(strings(table, "ADTM")));
            // names that differ only in case keep their own spelling and values
            assertEquals(1, table.longs("x").get(0));
            assertEquals(5, table.longs("X").get(0));
            assertEquals("DAYBREAK-01", table.metadata().get("study"));
            assertEquals("ADSL", table.metadata().get("cdisc.name"));
        }
    }

    @Test
    void parquetWasmReadsWhatWeWrite() throws Exception {
        Path file = dir.resolve("from-java.parquet");
        try (Table plain = Table.builder(allocator)
                .add("USUBJID", ColumnType.STRING, Arrays.asList("S-001", null, "S-ü03"))
                .add("AGE", ColumnType.INT64, Arrays.asList(61L, null, 9_007_199_254_740_993L))
                .add("DOSE", ColumnType.INT32, Arrays.asList(10, -3, null))
                .add("AVAL", ColumnType.FLOAT64, Arrays.asList(1.5, null, -0.125))
                .add("CNSR", ColumnType.BOOLEAN, Arrays.asList(true, false, null))
                .add("TRTSDT", ColumnType.STRING, Arrays.asList("2022-01-08", null, "1969-12-31"))
                .add("ADTM", ColumnType.STRING, Arrays.asList("2024-01-02T03:04:05.25", "1970-01-01T00:00:00", null))
                .add("RFSTDTC", ColumnType.STRING, Arrays.asList("2014-01", null, "2014-01-02"))
                .build();
                Table table = labelled(plain)) {
            TableFiles.write(table, file);
        }
        JsonNode seen = node("read", file);
        assertEquals(3, seen.get("rows").asInt());
        assertEquals("Utf8", type(seen, "USUBJID"));
        assertEquals("Int64", type(seen, "AGE"));
        assertEquals("Int32", type(seen, "DOSE"));
        assertEquals("Float64", type(seen, "AVAL"));
        assertEquals("Bool", type(seen, "CNSR"));
        assertEquals("Date32<DAY>", type(seen, "TRTSDT"));
        assertEquals("Timestamp<MICROSECOND>", type(seen, "ADTM"));
        assertEquals("Utf8", type(seen, "RFSTDTC"), "partial dates stay text");
        JsonNode columns = seen.get("columns");
        assertEquals("S-ü03", columns.at("/USUBJID/2").asText());
        assertTrue(columns.at("/USUBJID/1").isNull());
        assertEquals("9007199254740993", columns.at("/AGE/2").asText());
        assertEquals(-3, columns.at("/DOSE/1").asInt());
        assertEquals(-0.125, columns.at("/AVAL/2").asDouble());
        assertFalse(columns.at("/CNSR/1").asBoolean());
        assertTrue(columns.at("/CNSR/2").isNull());
        assertEquals(19_000 * DAY_MILLIS, columns.at("/TRTSDT/0").asLong());
        assertEquals(-DAY_MILLIS, columns.at("/TRTSDT/2").asLong());
        assertEquals(1_704_164_645_250L, columns.at("/ADTM/0").asLong());
        assertEquals("2014-01", columns.at("/RFSTDTC/0").asText());
        assertEquals("Unique Subject Identifier", field(seen, "USUBJID").at("/metadata/cdisc.label").asText());
        assertEquals("date", field(seen, "TRTSDT").at("/metadata/cdisc.dataType").asText());
        assertEquals("DAYBREAK-01", seen.at("/metadata/study").asText());
    }

    /** The table with a label on USUBJID, date markers and table metadata. */
    private Table labelled(Table table) {
        Map<String, Map<String, String>> columns = Map.of(
                "USUBJID", Map.of(DatasetJson.LABEL, "Unique Subject Identifier"),
                "TRTSDT", Map.of(DatasetJson.DATA_TYPE, "date"),
                "ADTM", Map.of(DatasetJson.DATA_TYPE, "datetime"),
                "RFSTDTC", Map.of(DatasetJson.DATA_TYPE, "date"));
        java.util.List<Field> fields = new java.util.ArrayList<>();
        java.util.List<FieldVector> vectors = new java.util.ArrayList<>();
        for (String name : table.columnNames()) {
            FieldVector vector = table.vector(name);
            Field field = new Field(name, new FieldType(true, vector.getField().getType(), null, columns.get(name)), null);
            FieldVector moved = field.createVector(allocator);
            vector.makeTransferPair(moved).transfer();
            fields.add(field);
            vectors.add(moved);
        }
        int rows = table.rowCount();
        table.close();
        return Table.adopt(new VectorSchemaRoot(new Schema(fields, Map.of("study", "DAYBREAK-01")), vectors, rows));
    }

    private static String[] strings(Table table, String column) {
        String[] values = new String[table.rowCount()];
        for (int row = 0; row < values.length; row++) {
            values[row] = table.strings(column).get(row);
        }
        return values;
    }

    private static JsonNode field(JsonNode seen, String name) {
        for (JsonNode field : seen.get("fields")) {
            if (field.get("name").asText().equals(name)) {
                return field;
            }
        }
        throw new AssertionError("no field " + name + " in " + seen);
    }

    private static String type(JsonNode seen, String name) {
        return field(seen, name).get("type").asText();
    }

    private static JsonNode node(String mode, Path file) throws IOException, InterruptedException {
        Path modules = Path.of(System.getProperty("daybreak.node.dir"), "node_modules");
        assertTrue(Files.isDirectory(modules.resolve("parquet-wasm")),
                "parquet-wasm is not installed in " + modules + " (the build's npm install step)");
        Process node = new ProcessBuilder("node", testData("parquet-interop.mjs").toString(), modules.toString(), mode,
                file.toString()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node did not finish");
        assertEquals(0, node.exitValue(), "node failed: " + output);
        return new ObjectMapper().readTree(output);
    }
}
