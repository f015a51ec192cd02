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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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

/**
 * Dataset-JSON v1.1 on synthetic ADaM and SDTM files (resources/dataset-json: adsl, adtte, adae and dm written by
 * docs/validation/r/cdisc/make-adam.R with R's jsonlite; types.json written by hand with every dataType).
 */
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
            assertEquals(240, adtte.rowCount());
            assertEquals(13, adtte.columnCount());
            assertEquals(ColumnType.STRING, adtte.columnType("USUBJID"));
            assertEquals(ColumnType.INT64, adtte.columnType("AVAL"));
            assertEquals(ColumnType.INT64, adtte.columnType("CNSR"));
            assertEquals(ColumnType.STRING, adtte.columnType("ADT"));
            assertEquals("DAYBREAK01-101-0001", adtte.strings("USUBJID").get(0));
            assertEquals("OS", adtte.strings("PARAMCD").get(0));
            assertEquals("PFS", adtte.strings("PARAMCD").get(1));
            assertEquals(114, adtte.longs("AVAL").get(0));
            assertEquals(0, adtte.longs("CNSR").get(0));
            assertEquals("2024-05-09", adtte.strings("ADT").get(0));
            Map<String, String> adt = adtte.columnMetadata("ADT");
            assertEquals("Analysis Date", adt.get(DatasetJson.LABEL));
            assertEquals("date", adt.get(DatasetJson.DATA_TYPE));
            assertEquals("integer", adt.get(DatasetJson.TARGET_DATA_TYPE));
            assertEquals("DATE9.", adt.get(DatasetJson.DISPLAY_FORMAT));
            assertEquals("IT.ADTTE.ADT", adt.get(DatasetJson.ITEM_OID));
            assertEquals("19", adtte.columnMetadata("USUBJID").get(DatasetJson.LENGTH));
            assertEquals("1", adtte.columnMetadata("USUBJID").get(DatasetJson.KEY_SEQUENCE));
            assertEquals("2", adtte.columnMetadata("PARAMCD").get(DatasetJson.KEY_SEQUENCE));
            assertEquals("ADTTE", adtte.metadata().get("cdisc.name"));
            assertEquals("Time-to-Event Analysis Dataset", adtte.metadata().get("cdisc.label"));
            assertEquals("IG.ADTTE", adtte.metadata().get("cdisc.itemGroupOID"));
            assertEquals("DAYBREAK01", adtte.metadata().get("cdisc.studyOID"));
            assertEquals("R", adtte.metadata().get("cdisc.sourceSystem.name"));
            assertEquals("4.2.2", adtte.metadata().get("cdisc.sourceSystem.version"));
        }
    }

    @Test
    void readsAdslFloatsDecimalsDatetimesAndTimes() {
        try (Table adsl = DatasetJson.read(example("adsl.json"), allocator)) {
            assertEquals(120, adsl.rowCount());
            assertEquals(ColumnType.FLOAT64, adsl.columnType("HEIGHTBL"));
            assertEquals("float", adsl.columnMetadata("HEIGHTBL").get(DatasetJson.DATA_TYPE));
            assertEquals(174.4, adsl.doubles("HEIGHTBL").get(0));
            assertEquals("double", adsl.columnMetadata("WEIGHTBL").get(DatasetJson.DATA_TYPE));
            assertEquals(63.0, adsl.doubles("WEIGHTBL").get(1), "a whole number in a double column");
            assertEquals(ColumnType.FLOAT64, adsl.columnType("BMIBL"));
            assertEquals("decimal", adsl.columnMetadata("BMIBL").get(DatasetJson.DATA_TYPE));
            assertEquals(29.3, adsl.doubles("BMIBL").get(0));
            assertTrue(adsl.vector("BMIBL").isNull(6), "row 7 has no baseline BMI");
            assertEquals(ColumnType.STRING, adsl.columnType("TRTSDTM"));
            assertEquals("datetime", adsl.columnMetadata("TRTSDTM").get(DatasetJson.DATA_TYPE));
            assertEquals("2024-01-17T09:22:00", adsl.strings("TRTSDTM").get(0));
            assertEquals("time", adsl.columnMetadata("TRTSTM").get(DatasetJson.DATA_TYPE));
            assertEquals("09:22:00", adsl.strings("TRTSTM").get(0));
            assertEquals("TIME8.", adsl.columnMetadata("TRTSTM").get(DatasetJson.DISPLAY_FORMAT));
            assertEquals(ColumnType.INT64, adsl.columnType("AGE"));
            assertEquals(45, adsl.longs("AGE").get(0));
        }
    }

    @Test
    void readsSdtmDmWithEmptyStringsAndPartialDatesKept() {
        try (Table dm = DatasetJson.read(example("dm.json"), allocator)) {
            assertEquals(20, dm.rowCount());
            assertEquals("Demographics", dm.metadata().get("cdisc.label"));
            assertEquals("Study Identifier", dm.columnMetadata("STUDYID").get(DatasetJson.LABEL));
            assertNull(dm.columnMetadata("RFSTDTC").get(DatasetJson.TARGET_DATA_TYPE), "SDTM dates are text");
            assertEquals("1978-10", dm.strings("BRTHDTC").get(0));
            assertEquals("1949", dm.strings("BRTHDTC").get(2));
            // missing death dates are "" in the file: empty strings stay empty strings, not nulls
            int empty = 0;
            for (int row = 0; row < dm.rowCount(); row++) {
                assertFalse(dm.vector("DTHDTC").isNull(row));
                empty += dm.strings("DTHDTC").get(row).isEmpty() ? 1 : 0;
            }
            assertEquals(10, empty);
        }
    }

    /** Every Dataset-JSON v1.1 dataType, with nulls, an empty string and a partial datetime. */
    @Test
    void readsEveryDataType() {
        try (Table t = DatasetJson.read(example("types.json"), allocator)) {
            assertEquals(3, t.rowCount());
            Map<String, ColumnType> types = new java.util.LinkedHashMap<>();
            for (String column : t.columnNames()) {
                types.put(t.columnMetadata(column).get(DatasetJson.DATA_TYPE) + " " + column, t.columnType(column));
            }
            assertEquals(Map.ofEntries(Map.entry("string USUBJID", ColumnType.STRING),
                    Map.entry("string NOTE", ColumnType.STRING), Map.entry("integer VISITNUM", ColumnType.INT64),
                    Map.entry("decimal DOSE", ColumnType.FLOAT64), Map.entry("float WEIGHT", ColumnType.FLOAT64),
                    Map.entry("double RATIO", ColumnType.FLOAT64), Map.entry("boolean RESPFL", ColumnType.BOOLEAN),
                    Map.entry("datetime ADTM", ColumnType.STRING), Map.entry("date ADT", ColumnType.STRING),
                    Map.entry("time ATM", ColumnType.STRING), Map.entry("datetime LBDTC", ColumnType.STRING),
                    Map.entry("URI DOCREF", ColumnType.STRING)), types);
            assertEquals("", t.strings("NOTE").get(1));
            assertEquals("Zürich, 5 µg", t.strings("NOTE").get(2));
            assertEquals(0.125, t.doubles("DOSE").get(0));
            assertEquals(12.0, t.doubles("DOSE").get(1));
            assertTrue(t.vector("DOSE").isNull(2));
            assertTrue(t.vector("WEIGHT").isNull(1));
            assertEquals(-1.5e-7, t.doubles("RATIO").get(1));
            assertEquals(1e21, t.doubles("RATIO").get(2));
            assertTrue(t.booleans("RESPFL").get(0));
            assertFalse(t.booleans("RESPFL").get(1));
            assertTrue(t.vector("RESPFL").isNull(2));
            assertEquals("2025-03", t.strings("LBDTC").get(1));
            assertEquals("urn:daybreak:doc:2", t.strings("DOCREF").get(1));
            assertTrue(t.vector("DOCREF").isNull(2));
            assertEquals("define.xml", t.metadata().get("cdisc.metaDataRef"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"adsl.json", "adtte.json", "adae.json", "dm.json", "types.json"})
    void writeThenReadRoundTripsEveryValueAndAttribute(String name) throws IOException {
        Path copy = dir.resolve(name);
        try (Table table = DatasetJson.read(example(name), allocator)) {
            TableFiles.write(table, copy);
        }
        JsonNode original = MAPPER.readTree(example(name).toFile());
        JsonNode written = MAPPER.readTree(copy.toFile());
        checkStructure(written);
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
    void writtenFilesHaveTheStructureOfTheSpecification() throws IOException {
        Path file = dir.resolve("adsl.json");
        try (Table table = DatasetJson.read(example("adsl.json"), allocator)) {
            DatasetJson.write(table, file);
        }
        checkStructure(MAPPER.readTree(file.toFile()));
        Path plain = dir.resolve("lung.json");
        try (Table table = Table.builder(allocator).addString("id", "a", null).addInt64("n", 1, 2)
                .add("x", ColumnType.FLOAT64, Arrays.asList(1.5, null)).addBoolean("b", true, false).build()) {
            DatasetJson.write(table, plain);
        }
        JsonNode written = MAPPER.readTree(plain.toFile());
        checkStructure(written);
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

    private static final Set<String> TOP_REQUIRED = Set.of("datasetJSONCreationDateTime", "datasetJSONVersion",
            "itemGroupOID", "records", "name", "label", "columns");
    private static final Set<String> TOP_ALLOWED = Set.of("datasetJSONCreationDateTime", "datasetJSONVersion",
            "fileOID", "dbLastModifiedDateTime", "originator", "sourceSystem", "studyOID", "metaDataVersionOID",
            "metaDataRef", "itemGroupOID", "records", "name", "label", "columns", "rows");
    private static final Set<String> COLUMN_REQUIRED = Set.of("itemOID", "name", "label", "dataType");
    private static final Set<String> COLUMN_ALLOWED = Set.of("itemOID", "name", "label", "dataType",
            "targetDataType", "length", "displayFormat", "keySequence");
    private static final Set<String> DATA_TYPES = Set.of("string", "integer", "decimal", "float", "double", "boolean",
            "datetime", "date", "time", "URI");
    private static final Pattern DATETIME = Pattern.compile(
            "\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d+)?)?"
                    + "(Z|[+-]\\d{2}:\\d{2})?");

    /**
     * What the Dataset-JSON v1.1 specification requires of a file, checked explicitly: the required and the only
     * allowed attributes at the top and per column, their JSON types, the creation datetime and version patterns,
     * the dataType and targetDataType values, and rows of one value per column whose JSON type fits the column's
     * dataType (text types and decimals as strings).
     */
    private static void checkStructure(JsonNode file) {
        assertTrue(file.isObject());
        for (String key : TOP_REQUIRED) {
            assertTrue(file.has(key), "the file misses " + key);
        }
        file.fieldNames().forEachRemaining(key -> assertTrue(TOP_ALLOWED.contains(key), "the file has " + key));
        for (String key : List.of("datasetJSONCreationDateTime", "datasetJSONVersion", "fileOID",
                "dbLastModifiedDateTime", "originator", "studyOID", "metaDataVersionOID", "metaDataRef",
                "itemGroupOID", "name", "label")) {
            assertTrue(!file.has(key) || file.get(key).isTextual(), key + " is a string");
        }
        assertTrue(DATETIME.matcher(file.get("datasetJSONCreationDateTime").asText()).matches(),
                file.get("datasetJSONCreationDateTime").asText());
        if (file.has("dbLastModifiedDateTime")) {
            assertTrue(DATETIME.matcher(file.get("dbLastModifiedDateTime").asText()).matches());
        }
        assertTrue(file.get("datasetJSONVersion").asText().matches("1\\.1(\\.(0|[1-9]\\d*))?"));
        if (file.has("sourceSystem")) {
            JsonNode system = file.get("sourceSystem");
            assertTrue(system.isObject() && system.get("name").isTextual() && system.get("version").isTextual(),
                    system.toString());
        }
        assertTrue(file.get("records").isIntegralNumber() && file.get("records").asLong() >= 0);
        JsonNode columns = file.get("columns");
        assertTrue(columns.isArray() && columns.size() > 0);
        List<String> types = new ArrayList<>();
        for (JsonNode column : columns) {
            String what = "column " + column.get("name");
            for (String key : COLUMN_REQUIRED) {
                assertTrue(column.has(key) && column.get(key).isTextual(), what + " misses " + key);
            }
            column.fieldNames().forEachRemaining(key -> assertTrue(COLUMN_ALLOWED.contains(key), what + " has " + key));
            assertTrue(DATA_TYPES.contains(column.get("dataType").asText()), what);
            if (column.has("targetDataType")) {
                assertTrue(Set.of("integer", "decimal").contains(column.get("targetDataType").asText()), what);
            }
            for (String key : List.of("length", "keySequence")) {
                assertTrue(!column.has(key) || column.get(key).isIntegralNumber() && column.get(key).asLong() >= 1,
                        what + " " + key);
            }
            assertTrue(!column.has("displayFormat") || column.get("displayFormat").isTextual(), what);
            types.add(column.get("dataType").asText());
        }
        JsonNode rows = file.get("rows");
        assertTrue(rows.isArray());
        assertEquals(file.get("records").asInt(), rows.size());
        for (int row = 0; row < rows.size(); row++) {
            JsonNode values = rows.get(row);
            assertEquals(types.size(), values.size(), "row " + (row + 1));
            for (int column = 0; column < types.size(); column++) {
                JsonNode value = values.get(column);
                String at = "row " + (row + 1) + ", column " + (column + 1) + ": " + value;
                if (value.isNull()) {
                    continue;
                }
                switch (types.get(column)) {
                case "integer" -> assertTrue(value.isIntegralNumber(), at);
                case "float", "double" -> assertTrue(value.isNumber(), at);
                case "boolean" -> assertTrue(value.isBoolean(), at);
                default -> assertTrue(value.isTextual(), at);
                }
            }
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
