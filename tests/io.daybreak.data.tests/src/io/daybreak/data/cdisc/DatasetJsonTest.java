package io.daybreak.data.cdisc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.daybreak.data.ArrowTestSupport;
import io.daybreak.data.ColumnType;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;
import io.daybreak.data.files.TableFiles;

/** Dataset-JSON v1.1 on CDISC's own example files (cdisc-org/DataExchange-DatasetJson, MIT licence). */
class DatasetJsonTest extends ArrowTestSupport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Numbers compare by value (60 and 60.0 are the same value), everything else as Jackson does. */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    @TempDir
    Path dir;

    private static Path example(String name) {
        return testData("dataset-json/" + name);
    }

    @Test
    void readsAdtteTypesValuesAndLabels() {
        try (Table adtte = TableFiles.read(example("adtte.json"), allocator)) {
            assertEquals(254, adtte.rowCount());
            assertEquals(26, adtte.columnCount());
            assertEquals(ColumnType.STRING, adtte.columnType("USUBJID"));
            assertEquals(ColumnType.INT64, adtte.columnType("AVAL"));
            assertEquals(ColumnType.INT64, adtte.columnType("CNSR"));
            assertEquals(ColumnType.STRING, adtte.columnType("ADT"));
            assertEquals("01-701-1015", adtte.strings("USUBJID").get(0));
            assertEquals(2, adtte.longs("AVAL").get(0));
            assertEquals(0, adtte.longs("CNSR").get(0));
            assertEquals("2014-01-03", adtte.strings("ADT").get(0));
            Map<String, String> adt = adtte.columnMetadata("ADT");
            assertEquals("Analysis Date", adt.get(DatasetJson.LABEL));
            assertEquals("date", adt.get(DatasetJson.DATA_TYPE));
            assertEquals("integer", adt.get(DatasetJson.TARGET_DATA_TYPE));
            assertEquals("DATE9.", adt.get(DatasetJson.DISPLAY_FORMAT));
            assertEquals("IT.ADTTE.ADT", adt.get(DatasetJson.ITEM_OID));
            assertEquals("11", adtte.columnMetadata("USUBJID").get(DatasetJson.LENGTH));
            assertEquals("1", adtte.columnMetadata("USUBJID").get(DatasetJson.KEY_SEQUENCE));
            assertEquals("ADTTE", adtte.metadata().get("cdisc.name"));
            assertEquals("AE Time To 1st Derm. Event Analysis", adtte.metadata().get("cdisc.label"));
            assertEquals("IG.ADTTE", adtte.metadata().get("cdisc.itemGroupOID"));
            assertEquals("SAS on X64_10PRO", adtte.metadata().get("cdisc.sourceSystem.name"));
        }
    }

    @Test
    void readsAdslFloatsDatetimesAndEmptyStrings() {
        try (Table adsl = DatasetJson.read(example("adsl.json"), allocator)) {
            assertEquals(254, adsl.rowCount());
            assertEquals(ColumnType.FLOAT64, adsl.columnType("HEIGHTBL"));
            assertEquals(147.3, adsl.doubles("HEIGHTBL").get(0));
            assertEquals(25.1, adsl.doubles("BMIBL").get(0));
            assertEquals(ColumnType.STRING, adsl.columnType("RFSTDTC"));
            assertEquals("datetime", adsl.columnMetadata("RFSTDTC").get(DatasetJson.DATA_TYPE));
            assertEquals(ColumnType.INT64, adsl.columnType("AGE"));
            assertEquals(63, adsl.longs("AGE").get(0));
        }
    }

    @Test
    void readsSdtmDmWithEmptyStringsKept() {
        try (Table dm = DatasetJson.read(example("dm.json"), allocator)) {
            assertEquals(18, dm.rowCount());
            assertEquals("Demographics", dm.metadata().get("cdisc.label"));
            assertEquals("Study Identifier", dm.columnMetadata("STUDYID").get(DatasetJson.LABEL));
            // DM's missing dates are "" in the file: empty strings stay empty strings, not nulls
            int empty = 0;
            for (int row = 0; row < dm.rowCount(); row++) {
                assertFalse(dm.vector("DTHDTC").isNull(row));
                empty += dm.strings("DTHDTC").get(row).isEmpty() ? 1 : 0;
            }
            assertTrue(empty > 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"adsl.json", "adtte.json", "dm.json"})
    void writeThenReadRoundTripsEveryValueAndAttribute(String name) throws IOException {
        Path copy = dir.resolve(name);
        try (Table table = DatasetJson.read(example(name), allocator)) {
            TableFiles.write(table, copy);
        }
        JsonNode original = MAPPER.readTree(example(name).toFile());
        JsonNode written = MAPPER.readTree(copy.toFile());
        // a new file has its own creation time; everything else is kept
        assertFalse(written.path("datasetJSONCreationDateTime").asText().isEmpty());
        ((ObjectNode) original).remove("datasetJSONCreationDateTime");
        ((ObjectNode) written).remove("datasetJSONCreationDateTime");
        assertTrue(original.equals(BY_VALUE, written), () -> name + " changed on the round trip");
        try (Table again = DatasetJson.read(copy, allocator); Table first = DatasetJson.read(example(name), allocator)) {
            assertEquals(first.schema().getFields(), again.schema().getFields());
            Map<String, String> before = new java.util.HashMap<>(first.metadata());
            Map<String, String> after = new java.util.HashMap<>(again.metadata());
            before.remove("cdisc.datasetJSONCreationDateTime");
            after.remove("cdisc.datasetJSONCreationDateTime");
            assertEquals(before, after);
        }
    }

    @Test
    void writtenFileMeetsTheOfficialSchemaRequirements() throws IOException {
        Path file = dir.resolve("adsl.json");
        try (Table table = DatasetJson.read(example("adsl.json"), allocator)) {
            DatasetJson.write(table, file);
        }
        checkAgainstSchema(MAPPER.readTree(file.toFile()));
        Path plain = dir.resolve("lung.json");
        try (Table table = Table.builder(allocator).addString("id", "a", null).addInt64("n", 1, 2)
                .add("x", ColumnType.FLOAT64, Arrays.asList(1.5, null)).addBoolean("b", true, false).build()) {
            DatasetJson.write(table, plain);
        }
        JsonNode written = MAPPER.readTree(plain.toFile());
        checkAgainstSchema(written);
        assertEquals("LUNG", written.get("name").asText());
        assertEquals("IG.LUNG", written.get("itemGroupOID").asText());
        assertEquals("[\"a\",1,1.5,true]", written.get("rows").get(0).toString());
        assertEquals("[null,2,null,false]", written.get("rows").get(1).toString());
        assertEquals("double", written.get("columns").get(2).get("dataType").asText());
        try (Table again = TableFiles.read(plain, allocator)) {
            assertNull(again.strings("id").get(1));
            assertTrue(again.booleans("b").get(0));
        }
    }

    /**
     * The checks of the official JSON schema (schema/dataset.schema.json) that matter for a writer: required and
     * allowed attributes, at the top and per column, and the dataType enumeration. (The target platform has no
     * JSON Schema validator library, so the schema is applied by hand here.)
     */
    private static void checkAgainstSchema(JsonNode file) throws IOException {
        JsonNode schema = MAPPER.readTree(example("dataset.schema.json").toFile());
        checkObject(file, schema, "file");
        JsonNode column = schema.get("$defs").get("Column");
        List<String> types = new ArrayList<>();
        schema.get("$defs").get("DataTypesEnum").get("enum").forEach(type -> types.add(type.asText()));
        for (JsonNode each : file.get("columns")) {
            checkObject(each, column, "column " + each.get("name"));
            assertTrue(types.contains(each.get("dataType").asText()), each.toString());
        }
        assertEquals(file.get("records").asInt(), file.get("rows").size());
    }

    private static void checkObject(JsonNode object, JsonNode schema, String what) {
        for (JsonNode required : schema.get("required")) {
            assertTrue(object.has(required.asText()), what + " misses " + required);
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String name = names.next();
            assertTrue(schema.get("properties").has(name), what + " has " + name + ", which the schema does not allow");
        }
    }

    private Path badFile(String json) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    private static final String HEAD = "{\"datasetJSONCreationDateTime\":\"2024-11-11T15:09:13\","
            + "\"datasetJSONVersion\":\"1.1.0\","
            + "\"itemGroupOID\":\"IG.T\",\"name\":\"T\",\"label\":\"Test\",";
    private static final String COLUMNS = "\"columns\":[{\"itemOID\":\"IT.T.ID\",\"name\":\"ID\",\"label\":\"Id\","
            + "\"dataType\":\"string\"},{\"itemOID\":\"IT.T.AGE\",\"name\":\"AGE\",\"label\":\"Age\",\"dataType\":\"integer\"}]";

    private String message(String json) throws IOException {
        Path file = badFile(json);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TableFiles.read(file, allocator).close());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aValueThatDoesNotFitItsDataTypeIsNamedWithRowAndColumn() throws IOException {
        String m = message(HEAD + "\"records\":2," + COLUMNS + ",\"rows\":[[\"a\",1],[\"b\",\"sixty\"]]}");
        assertTrue(m.contains("row 2, column 'AGE': value \"sixty\" does not fit dataType integer"), m);
        assertTrue(m.contains(": at $.rows[1][1]: "), "the JSONPath of the value: " + m);
    }

    @Test
    void badFilesAreNamed() throws IOException {
        String m = message("{\"datasetJSONVersion\":\"1.1.0\",\"itemGroupOID\":\"IG.T\",\"name\":\"T\",\"label\":\"T\","
                + "\"records\":0," + COLUMNS + ",\"rows\":[]}");
        assertTrue(m.contains("missing required attribute 'datasetJSONCreationDateTime'"), m);
        m = message(HEAD.replace("1.1.0", "1.0") + "\"records\":0," + COLUMNS + ",\"rows\":[]}");
        assertTrue(m.contains("unsupported datasetJSONVersion '1.0'"), m);
        m = message(HEAD + "\"records\":0,\"columns\":[{\"itemOID\":\"IT.T.ID\",\"name\":\"ID\","
                + "\"dataType\":\"string\"}],\"rows\":[]}");
        assertTrue(m.contains("at $.columns[0]: column 1 ('ID') misses required attribute 'label'"), m);
        m = message(HEAD + "\"records\":3," + COLUMNS + ",\"rows\":[[\"a\",1]]}");
        assertTrue(m.contains("at $.records: 'records' says 3 but 'rows' has 1"), m);
        m = message(HEAD + "\"records\":1," + COLUMNS + ",\"rows\":[[\"a\"]]}");
        assertTrue(m.contains("row 1 has 1 values; there are 2 columns"), m);
        m = message(HEAD + "\"records\":1," + COLUMNS + ",\"rows\":[[\"a\",1]");
        assertTrue(m.contains("not valid JSON"), m);
        m = message(HEAD + "\"records\":0,\"columns\":[{\"itemOID\":\"I\",\"name\":\"X\",\"label\":\"X\","
                + "\"dataType\":\"money\"}],\"rows\":[]}");
        assertTrue(m.contains("unknown dataType 'money'"), m);
    }

    @Test
    void nothingIsWrittenWhenAValueCannotBeWritten() throws IOException {
        Path file = dir.resolve("out.json");
        Files.writeString(file, "old");
        try (Table table = Table.builder(allocator).addFloat64("x", 1.0, Double.NaN).build()) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> DatasetJson.write(table, file));
            assertTrue(e.getMessage().contains("row 2, column 'x'"), e.getMessage());
        }
        assertEquals("old", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void decimalsAreReadAsNumbersAndWrittenAsStrings() throws IOException {
        Path file = badFile(HEAD + "\"records\":2,\"columns\":[{\"itemOID\":\"IT.T.BMI\",\"name\":\"BMI\",\"label\":\"BMI\","
                + "\"dataType\":\"decimal\",\"targetDataType\":\"decimal\"}],\"rows\":[[\"25.10\"],[null]]}");
        Path out = dir.resolve("again.json");
        try (Table table = DatasetJson.read(file, allocator)) {
            assertEquals(25.1, table.doubles("BMI").get(0));
            DatasetJson.write(table, out);
        }
        JsonNode rows = MAPPER.readTree(out.toFile()).get("rows");
        assertEquals("[[\"25.1\"],[null]]", rows.toString());
    }
}
