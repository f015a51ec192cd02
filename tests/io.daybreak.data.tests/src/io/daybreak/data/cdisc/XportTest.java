package io.daybreak.data.cdisc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.daybreak.data.ArrowTestSupport;
import io.daybreak.data.ColumnType;
import io.daybreak.data.DataFormatException;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;
import io.daybreak.data.files.TableFiles;

/**
 * SAS transport files: synthetic ADaM data (resources/xpt, written by R's haven, ReadStat, an independent writer, with
 * docs/validation/r/cdisc/make-adam.R) checked value by value against the Dataset-JSON of the same data
 * (resources/dataset-json, written by the same script); our files read back, and written from Dataset-JSON equal to
 * haven's; IBM floating point; bad files. npm's xport-js reads our files in {@link XportJsInteropTest}.
 */
class XportTest extends ArrowTestSupport {
    private static final long SAS_EPOCH = LocalDate.of(1960, 1, 1).toEpochDay();

    @TempDir
    Path dir;

    private static Path xpt(String name) {
        return testData("xpt/" + name);
    }

    private static Path json(String name) {
        return testData("dataset-json/" + name);
    }

    /** The SAS number of a Dataset-JSON date, datetime or time text: days or seconds since 1960-01-01, seconds of day. */
    static double sasNumber(String dataType, String text) {
        return switch (dataType) {
        case "date" -> LocalDate.parse(text).toEpochDay() - SAS_EPOCH;
        case "datetime" -> LocalDateTime.parse(text).toEpochSecond(ZoneOffset.UTC) - SAS_EPOCH * 86_400;
        case "time" -> LocalTime.parse(text).toSecondOfDay();
        default -> throw new AssertionError(dataType);
        };
    }

    @ParameterizedTest
    @CsvSource({"adsl.xpt, adsl.json, 5", "adtte.xpt, adtte.json, 5", "adtte-v8.xpt, adtte.json, 8",
        "adae.xpt, adae.json, 5"})
    void readsFilesOfAnotherWriterLikeTheDatasetJsonOfTheSameData(String name, String jsonName, String version) {
        try (Table x = TableFiles.read(xpt(name), allocator); Table j = TableFiles.read(json(jsonName), allocator)) {
            assertEquals(j.rowCount(), x.rowCount());
            assertEquals(j.columnNames(), x.columnNames());
            assertEquals(version, x.metadata().get(Xport.VERSION));
            assertEquals(j.metadata().get("cdisc.name"), x.metadata().get("cdisc.name"));
            assertEquals(j.metadata().get("cdisc.label"), x.metadata().get("cdisc.label"));
            for (String column : j.columnNames()) {
                Map<String, String> expected = j.columnMetadata(column);
                Map<String, String> actual = x.columnMetadata(column);
                assertEquals(expected.get(DatasetJson.LABEL), actual.get(DatasetJson.LABEL), column);
                assertEquals(expected.get(DatasetJson.DISPLAY_FORMAT), actual.get(DatasetJson.DISPLAY_FORMAT), column);
                String type = expected.get(DatasetJson.DATA_TYPE);
                if (type.equals("string")) {
                    assertEquals(expected.get(DatasetJson.LENGTH), actual.get(DatasetJson.LENGTH), column);
                }
                for (int row = 0; row < j.rowCount(); row++) {
                    String at = column + " row " + (row + 1);
                    boolean missing = j.vector(column).isNull(row);
                    assertEquals(missing, x.vector(column).isNull(row), at);
                    if (missing) {
                        continue;
                    }
                    switch (type) {
                    case "string" -> assertEquals(j.strings(column).get(row), x.strings(column).get(row), at);
                    case "integer" -> assertEquals((double) j.longs(column).get(row), x.doubles(column).get(row), at);
                    case "float", "double", "decimal" -> assertEquals(j.doubles(column).get(row), x.doubles(column).get(row), at);
                    case "date", "datetime", "time" -> assertEquals(sasNumber(type, j.strings(column).get(row)),
                            x.doubles(column).get(row), at);
                    default -> throw new AssertionError(type);
                    }
                }
            }
            assertEquals(ColumnType.STRING, x.columnType("USUBJID"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"adsl.xpt", "adtte.xpt", "adtte-v8.xpt", "adae.xpt"})
    void writeThenReadKeepsEveryValueAndAttributeAndTheBytes(String name) throws IOException {
        Path once = dir.resolve("once.xpt");
        Path twice = dir.resolve("twice.xpt");
        try (Table table = Xport.read(xpt(name), allocator)) {
            Xport.write(table, once);
            try (Table again = Xport.read(once, allocator)) {
                assertSameTable(table, again);
                Xport.write(again, twice);
            }
        }
        assertArrayEquals(Files.readAllBytes(once), Files.readAllBytes(twice));
        assertEquals(0, Files.size(once) % 80);
    }

    @ParameterizedTest
    @ValueSource(strings = {"adsl.xpt", "adtte-v8.xpt"})
    void transportToDatasetJsonAndBackKeepsValuesLabelsLengthsAndFormats(String name) throws IOException {
        Path json = dir.resolve("data.json");
        Path back = dir.resolve("data.xpt");
        try (Table table = Xport.read(xpt(name), allocator)) {
            DatasetJson.write(table, json);
            try (Table viaJson = DatasetJson.read(json, allocator)) {
                Xport.write(viaJson, back);
            }
            try (Table again = Xport.read(back, allocator)) {
                assertEquals(table.columnNames(), again.columnNames());
                for (String column : table.columnNames()) {
                    for (String key : List.of(DatasetJson.LABEL, DatasetJson.LENGTH, DatasetJson.DISPLAY_FORMAT)) {
                        assertEquals(table.columnMetadata(column).get(key), again.columnMetadata(column).get(key),
                                column + " " + key);
                    }
                    assertEquals(table.columnType(column), again.columnType(column), column);
                    assertValuesEqual(table, again, column);
                }
                assertEquals(table.metadata().get("cdisc.label"), again.metadata().get("cdisc.label"));
            }
        }
    }

    /**
     * The Dataset-JSON ADSL, ADTTE and ADAE written as transport files by us: dates, datetimes and times (ISO text,
     * targetDataType integer) become SAS numbers, and every value, label and format equals the file haven wrote from
     * the same data. R reads our ADSL and ADTTE as it reads haven's (R 4.2.2, foreign 0.8.84, haven 2.5.1):
     *
     * <pre>
     * ours &lt;- foreign::read.xport("ours-adsl.xpt")
     * all.equal(ours, foreign::read.xport("adsl.xpt"))                           # TRUE (haven's file)
     * identical(foreign::lookup.xport("ours-adsl.xpt")$ADSL$label,
     *           foreign::lookup.xport("adsl.xpt")$ADSL$label)                   # TRUE
     * all.equal(haven::read_xpt("ours-adsl.xpt"), haven::read_xpt("adsl.xpt"))   # TRUE (labels, formats too)
     * ours$TRTSDT[1]; ours$TRTSDTM[1]; ours$TRTSTM[1]                             # 23392 2021102520 33720
     * all.equal(foreign::read.xport("ours-adtte.xpt"), foreign::read.xport("adtte.xpt"))   # TRUE
     * </pre>
     */
    @ParameterizedTest
    @ValueSource(strings = {"adsl", "adtte", "adae"})
    void datasetJsonDatesBecomeSasDatesAsHavenWritesThem(String name) throws IOException {
        Path file = dir.resolve("ours-" + name + ".xpt");
        try (Table json = DatasetJson.read(json(name + ".json"), allocator)) {
            TableFiles.write(json, file);
        }
        try (Table ours = TableFiles.read(file, allocator); Table haven = Xport.read(xpt(name + ".xpt"), allocator)) {
            assertEquals("5", ours.metadata().get(Xport.VERSION));
            assertEquals(haven.columnNames(), ours.columnNames());
            assertEquals(haven.metadata().get("cdisc.label"), ours.metadata().get("cdisc.label"));
            for (String column : haven.columnNames()) {
                assertEquals(haven.columnType(column), ours.columnType(column), column);
                for (String key : List.of(DatasetJson.LABEL, DatasetJson.DISPLAY_FORMAT)) {
                    assertEquals(haven.columnMetadata(column).get(key), ours.columnMetadata(column).get(key),
                            column + " " + key);
                }
                assertValuesEqual(haven, ours, column);
            }
        }
        if (name.equals("adsl")) {
            try (Table adsl = TableFiles.read(file, allocator)) {
                assertEquals(ColumnType.FLOAT64, adsl.columnType("TRTSDT"));
                assertEquals(23392, adsl.doubles("TRTSDT").get(0));
                assertEquals(2021102520, adsl.doubles("TRTSDTM").get(0));
                assertEquals(33720, adsl.doubles("TRTSTM").get(0));
                assertEquals("DATE9.", adsl.columnMetadata("TRTSDT").get(DatasetJson.DISPLAY_FORMAT));
                assertEquals("DATETIME20.", adsl.columnMetadata("TRTSDTM").get(DatasetJson.DISPLAY_FORMAT));
                assertEquals("TIME8.", adsl.columnMetadata("TRTSTM").get(DatasetJson.DISPLAY_FORMAT));
                assertEquals("Date of First Exposure to Treatment", adsl.columnMetadata("TRTSDT").get(DatasetJson.LABEL));
                assertEquals("19", adsl.columnMetadata("USUBJID").get(DatasetJson.LENGTH));
            }
        }
    }

    /** SDTM's --DTC variables are text in SAS (no targetDataType): they stay text, partial dates included. */
    @Test
    void sdtmDateTextStaysText() throws IOException {
        Path file = dir.resolve("dm.xpt");
        try (Table json = DatasetJson.read(json("dm.json"), allocator)) {
            TableFiles.write(json, file);
        }
        try (Table dm = TableFiles.read(file, allocator)) {
            assertEquals(ColumnType.STRING, dm.columnType("RFSTDTC"));
            assertEquals("2024-01-17", dm.strings("RFSTDTC").get(0));
            assertEquals("2024-01-10T09:22:00", dm.strings("RFICDTC").get(0));
            assertEquals("1978-10", dm.strings("BRTHDTC").get(0));
            assertEquals("1949", dm.strings("BRTHDTC").get(2));
            assertEquals("", dm.strings("DTHDTC").get(1));
        }
    }

    /** Every Dataset-JSON dataType written to a transport file: what SAS can hold, as SAS holds it. */
    @Test
    void everyDatasetJsonTypeToTransport() throws IOException {
        Path file = dir.resolve("types.xpt");
        try (Table json = DatasetJson.read(json("types.json"), allocator)) {
            TableFiles.write(json, file);
        }
        try (Table t = TableFiles.read(file, allocator)) {
            assertEquals("5", t.metadata().get(Xport.VERSION));
            assertEquals("Every Dataset-JSON dataType", t.metadata().get("cdisc.label"));
            assertEquals(3.0, t.doubles("VISITNUM").get(2));
            assertEquals(0.125, t.doubles("DOSE").get(0));
            assertTrue(t.vector("DOSE").isNull(2));
            assertEquals("8.3", t.columnMetadata("DOSE").get(DatasetJson.DISPLAY_FORMAT));
            assertEquals(71.5, t.doubles("WEIGHT").get(0));
            assertEquals(-1.5e-7, t.doubles("RATIO").get(1));
            assertEquals(1e21, t.doubles("RATIO").get(2));
            assertEquals(1.0, t.doubles("RESPFL").get(0), "boolean as 1/0");
            assertEquals(0.0, t.doubles("RESPFL").get(1));
            assertTrue(t.vector("RESPFL").isNull(2));
            assertEquals(sasNumber("datetime", "2025-03-01T08:30:00"), t.doubles("ADTM").get(0));
            assertEquals(sasNumber("date", "2025-12-31"), t.doubles("ADT").get(2));
            assertEquals(86_399, t.doubles("ATM").get(2));
            assertTrue(t.vector("ADT").isNull(1));
            assertEquals(ColumnType.STRING, t.columnType("LBDTC"), "no targetDataType: text");
            assertEquals("2025-03", t.strings("LBDTC").get(1));
            assertEquals("Zürich, 5 µg", t.strings("NOTE").get(2));
            assertEquals("urn:daybreak:doc:2", t.strings("DOCREF").get(1));
        }
    }

    @Test
    void ibmFloatingPoint() {
        byte[] bytes = new byte[8];
        IbmFloat.write(1.0, bytes, 0);
        assertArrayEquals(new byte[] {0x41, 0x10, 0, 0, 0, 0, 0, 0}, bytes);
        IbmFloat.write(-118.625, bytes, 0); // the example of IBM's Principles of Operation
        assertArrayEquals(new byte[] {(byte) 0xC2, 0x76, (byte) 0xA0, 0, 0, 0, 0, 0}, bytes);
        IbmFloat.write(0.1, bytes, 0);
        assertArrayEquals(new byte[] {0x40, 0x19, (byte) 0x99, (byte) 0x99, (byte) 0x99, (byte) 0x99, (byte) 0x99,
            (byte) 0x9A}, bytes);
        SplittableRandom random = new SplittableRandom(20);
        for (int i = 0; i < 100_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(value) || Math.abs(value) >= IbmFloat.LIMIT || Math.abs(value) < 0x1p-260) {
                continue;
            }
            IbmFloat.write(value, bytes, 0);
            assertEquals(value, IbmFloat.toDouble(bytes, 0, 8), "every double in range is exact");
        }
        IbmFloat.write(0.0, bytes, 0);
        assertEquals(0.0, IbmFloat.toDouble(bytes, 0, 8));
        for (char code : new char[] {'.', '_', 'A', 'Z'}) {
            IbmFloat.writeMissing(code, bytes, 0, 8);
            assertEquals(code, IbmFloat.missing(bytes, 0, 8));
        }
        assertThrows(IllegalArgumentException.class, () -> IbmFloat.write(Double.NaN, new byte[8], 0));
        assertThrows(IllegalArgumentException.class, () -> IbmFloat.write(1e76, new byte[8], 0));
    }

    @Test
    void missingValuesShortNumbersLongNamesAndLabels() throws IOException {
        Path file = dir.resolve("mixed.xpt");
        try (Table table = Table.builder(allocator)
                .add("ANALYSIS_VALUE_LONG", ColumnType.FLOAT64, Arrays.asList(1.5, null, -2.25))
                .add("TXT", ColumnType.STRING, Arrays.asList("  lead", "", null))
                .addInt64("N", 1, 2, 3).addBoolean("FL", true, false, true).build()) {
            TableFiles.write(table, file);
        }
        try (Table table = TableFiles.read(file, allocator)) {
            assertEquals("8", table.metadata().get(Xport.VERSION), "a name longer than 8 needs version 8");
            assertEquals(1.5, table.doubles("ANALYSIS_VALUE_LONG").get(0));
            assertTrue(table.vector("ANALYSIS_VALUE_LONG").isNull(1));
            assertEquals("  lead", table.strings("TXT").get(0), "leading blanks kept, trailing dropped");
            assertEquals("", table.strings("TXT").get(1));
            assertEquals("", table.strings("TXT").get(2), "SAS has no missing text: null is written as blanks");
            assertEquals(1.0, table.doubles("FL").get(0));
        }
        try (Table table = Table.builder(allocator).addFloat64("X", 1, 2).build()) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> Xport.write(table, dir.resolve("bad name.xpt"), 5));
            assertTrue(e.getMessage().contains("dataset name 'BAD NAME' is not a SAS name"), e.getMessage());
            Path eight = dir.resolve("eight.xpt");
            Xport.write(table, eight, 8);
            try (Table again = Xport.read(eight, allocator)) {
                assertEquals("8", again.metadata().get(Xport.VERSION));
                assertEquals(2.0, again.doubles("X").get(1));
            }
        }
    }

    @Test
    void aTableThatDoesNotFitVersion5IsRefusedWhenVersion5IsAsked() {
        try (Table table = Table.builder(allocator).addFloat64("LONGER_NAME", 1).build()) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> Xport.write(table, dir.resolve("x.xpt"), 5));
            assertTrue(e.getMessage().contains("column name 'LONGER_NAME' is longer than 8 characters"), e.getMessage());
        }
        try (Table table = Table.builder(allocator).addFloat64("x", 1, Double.NaN).build()) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> Xport.write(table, dir.resolve("x.xpt")));
            assertTrue(e.getMessage().contains("row 2, column 'x'"), e.getMessage());
        }
        assertTrue(!Files.exists(dir.resolve("x.xpt")));
    }

    @Test
    void severalMembersReadTheFirstOrTheOneNamed() throws IOException {
        Path a = dir.resolve("a.xpt");
        Path b = dir.resolve("b.xpt");
        try (Table table = Table.builder(allocator).addFloat64("X", 1, 2, 3).build()) {
            Xport.write(table, a, 5);
        }
        try (Table table = Table.builder(allocator).addString("Y", "p", "q").build()) {
            Xport.write(table, b, 5);
        }
        Path both = dir.resolve("both.xpt");
        byte[] first = Files.readAllBytes(a);
        byte[] second = Files.readAllBytes(b);
        byte[] joined = Arrays.copyOf(first, first.length + second.length - 240);
        System.arraycopy(second, 240, joined, first.length, second.length - 240);
        Files.write(both, joined);
        assertEquals(List.of("A", "B"), Xport.members(both));
        try (Table table = TableFiles.read(both, allocator)) {
            assertEquals("A", table.metadata().get(Xport.MEMBER));
            assertEquals("A,B", table.metadata().get(Xport.MEMBERS));
            assertEquals(3, table.rowCount());
        }
        try (Table table = Xport.read(both, "b", allocator)) {
            assertEquals(List.of("Y"), table.columnNames());
            assertEquals("q", table.strings("Y").get(1));
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Xport.read(both, "C", allocator));
        assertTrue(e.getMessage().contains("no member 'C'; members: A, B"), e.getMessage());
    }

    private String failure(byte[] bytes) throws IOException {
        Path file = dir.resolve("bad.xpt");
        Files.write(file, bytes);
        DataFormatException e = assertThrows(DataFormatException.class, () -> TableFiles.read(file, allocator).close());
        assertTrue(e.getMessage().startsWith(file + ": byte offset "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void badFilesAreNamedWithTheByteOffsetAndLeaveNothingAllocated() throws IOException {
        byte[] good = Files.readAllBytes(xpt("adtte.xpt"));
        String m = failure(Arrays.copyOf(good, good.length - 1000));
        assertTrue(m.contains("the file ends inside an 80-byte record"), m);
        m = failure(Arrays.copyOf(good, 20_080)); // rows of 160 bytes from byte 2560: 80 bytes into row 110
        assertTrue(m.contains("byte offset 20000: member ADTTE ends inside row 110 (80 of 160 bytes)"), m);
        m = failure(Arrays.copyOf(good, 2000));
        assertTrue(m.contains("byte offset 2000: the file ends inside the NAMESTR records of member ADTTE"), m);
        m = failure("id,value\n1,2\n".repeat(10).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(m.contains("byte offset 0: not a SAS transport (XPORT) file"), m);
        byte[] badType = good.clone();
        badType[640 + 140 + 1] = 7; // second NAMESTR's type
        m = failure(badType);
        assertTrue(m.contains("byte offset 780: variable 2 of member ADTTE has type 7"), m);
        byte[] badLength = good.clone();
        badLength[640 + 4] = 0x7F;
        m = failure(badLength);
        assertTrue(m.contains("byte offset 644: variable 'STUDYID' of member ADTTE has length"), m);
    }

    private static void assertSameTable(Table expected, Table actual) {
        assertEquals(expected.schema().getFields(), actual.schema().getFields());
        Map<String, String> before = new HashMap<>(expected.metadata());
        Map<String, String> after = new HashMap<>(actual.metadata());
        assertEquals(before, after);
        for (String column : expected.columnNames()) {
            assertValuesEqual(expected, actual, column);
        }
    }

    private static void assertValuesEqual(Table expected, Table actual, String column) {
        for (int row = 0; row < expected.rowCount(); row++) {
            String at = column + " row " + (row + 1);
            assertEquals(expected.vector(column).isNull(row), actual.vector(column).isNull(row), at);
            if (!expected.vector(column).isNull(row)) {
                assertEquals(expected.vector(column).getObject(row), actual.vector(column).getObject(row), at);
            }
        }
    }
}
