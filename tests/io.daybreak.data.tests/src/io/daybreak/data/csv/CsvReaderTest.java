package io.daybreak.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.data.ArrowTestSupport;
import io.daybreak.data.ColumnType;
import io.daybreak.data.DataFormatException;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;
import io.daybreak.data.TableDigest;

class CsvReaderTest extends ArrowTestSupport {
    @TempDir
    Path dir;

    private Path csv(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void infersTypesAndReadsMissingValuesAsNulls() throws IOException {
        Path file = csv("adsl.csv", "USUBJID,AGE,AVAL,CNSR,NOTE\n"
                + "S-001,61,1.5,true,\"first, with comma\"\n"
                + "S-002,NA,2e-3,FALSE,\"says \"\"hi\"\"\"\n"
                + "S-003,70,,true,\"two\nlines\"\n");
        try (Table table = CsvReader.read(file, allocator)) {
            assertEquals(List.of("USUBJID", "AGE", "AVAL", "CNSR", "NOTE"), table.columnNames());
            assertEquals(ColumnType.STRING, table.columnType("USUBJID"));
            assertEquals(ColumnType.INT64, table.columnType("AGE"));
            assertEquals(ColumnType.FLOAT64, table.columnType("AVAL"));
            assertEquals(ColumnType.BOOLEAN, table.columnType("CNSR"));
            assertEquals(3, table.rowCount());
            assertTrue(table.longs("AGE").isNull(1));
            assertEquals(0.002, table.doubles("AVAL").get(1));
            assertTrue(table.doubles("AVAL").isNull(2));
            assertEquals("first, with comma", table.strings("NOTE").get(0));
            assertEquals("says \"hi\"", table.strings("NOTE").get(1));
            assertEquals("two\nlines", table.strings("NOTE").get(2));
        }
    }

    @Test
    void explicitSchemaOverridesInference() throws IOException {
        Path file = csv("codes.csv", "ID,DOSE\n007,10\n008,20\n");
        CsvOptions options = CsvOptions.DEFAULTS.withSchema(Map.of("ID", ColumnType.STRING, "DOSE", ColumnType.FLOAT64));
        try (Table table = CsvReader.read(file, allocator, options)) {
            assertEquals("007", table.strings("ID").get(0));
            assertEquals(ColumnType.FLOAT64, table.columnType("DOSE"));
            assertEquals(20.0, table.doubles("DOSE").get(1));
        }
    }

    @Test
    void valueNotMatchingTheSchemaIsReportedWithLineAndColumn() throws IOException {
        Path file = csv("bad-value.csv", "ID,DOSE\n1,10\n2,\"ten\nmg\"\n3,abc\n");
        CsvOptions options = CsvOptions.DEFAULTS.withSchema(Map.of("DOSE", ColumnType.FLOAT64));
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvReader.read(file, allocator, options));
        assertEquals(3, e.line(), e.getMessage()); // the first bad value starts on line 3 (a quoted field spans 3-4)
        assertEquals(2, e.column());
        assertTrue(e.getMessage().startsWith(file + ":3:2: "), e.getMessage());
        assertTrue(e.getMessage().contains("row 2, column 'DOSE': 'ten\nmg' is not a number"), e.getMessage());
    }

    @Test
    void integerColumnOfTheSchemaNamesRowColumnAndValue() throws IOException {
        Path file = csv("ages.csv", "ID,AGE\n1,61\n2,70\n3,sixty\n");
        CsvOptions options = CsvOptions.DEFAULTS.withSchema(Map.of("AGE", ColumnType.INT64));
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvReader.read(file, allocator, options));
        assertEquals(file + ":4:2: row 3, column 'AGE': 'sixty' is not an integer (int64)", e.getMessage());
    }

    @Test
    void semicolonDelimiterIsDetectedAndTheByteOrderMarkDropped() throws IOException {
        // as Excel saves "CSV UTF-8" in a locale with a decimal comma: a BOM, semicolons, CRLF
        Path file = dir.resolve("excel.csv");
        Files.write(file, ("\uFEFFtime;status;note\r\n5;1;\"a;b\"\r\n12;0;c\r\n").getBytes(StandardCharsets.UTF_8));
        assertEquals((byte) 0xEF, Files.readAllBytes(file)[0], "the file starts with the UTF-8 BOM");
        try (Table table = CsvReader.read(file, allocator)) {
            assertEquals(List.of("time", "status", "note"), table.columnNames());
            assertEquals(ColumnType.INT64, table.columnType("time"));
            assertEquals(12, table.longs("time").get(1));
            assertEquals("a;b", table.strings("note").get(0));
        }
    }

    @Test
    void tabAndCommaAreDetectedAndQuotedDelimitersDoNotCount() throws IOException {
        try (Table tabs = CsvReader.read(csv("tabs.csv", "x\ty\n1\t2.5\n"), allocator);
                Table commas = CsvReader.read(csv("quoted.csv", "\"a;b;c\",d\n1,2\n"), allocator);
                Table one = CsvReader.read(csv("one.csv", "AVAL\n1\n0\n"), allocator)) {
            assertEquals(List.of("x", "y"), tabs.columnNames());
            assertEquals(2.5, tabs.doubles("y").get(0));
            assertEquals(List.of("a;b;c", "d"), commas.columnNames());
            assertEquals(List.of("AVAL"), one.columnNames());
        }
        assertEquals(';', CsvReader.detectDelimiter("\n\na;b;c,d\n1,2,3,4,5\n"), "the first non-blank line decides");
        assertEquals(',', CsvReader.detectDelimiter("a;b,c,d\n"));
        assertEquals(',', CsvReader.detectDelimiter(""));
    }

    @Test
    void explicitDelimiterIsUsedAsGiven() throws IOException {
        Path file = csv("semi.csv", "a;b\n1;2\n");
        try (Table asGiven = CsvReader.read(file, allocator, CsvOptions.DEFAULTS);
                Table semicolons = CsvReader.read(file, allocator, CsvOptions.DEFAULTS.withDelimiter(';'))) {
            assertEquals(List.of("a;b"), asGiven.columnNames());
            assertEquals(List.of("a", "b"), semicolons.columnNames());
        }
    }

    @Test
    void aRowThatDoesNotSplitLikeTheHeaderNamesTheDetectedDelimiter() throws IOException {
        Path file = csv("mixed.csv", "a;b;c\n1;2;3\n4,5,6\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvReader.read(file, allocator));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("found 1 (fields separated by semicolons, as detected from the header line)"),
                e.getMessage());
    }

    @Test
    void wrongFieldCountIsReportedWithItsLine() throws IOException {
        Path file = csv("ragged.csv", "a,b,c\n1,2,3\n\n4,5\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvReader.read(file, allocator));
        assertEquals(4, e.line(), e.getMessage());
        assertEquals(3, e.column());
        assertTrue(e.getMessage().contains("expected 3 fields"), e.getMessage());
    }

    @Test
    void unterminatedQuoteIsMalformed() throws IOException {
        Path file = csv("quote.csv", "a,b\n1,2\n3,\"open\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvReader.read(file, allocator));
        assertTrue(e.getMessage().startsWith(file + ":3: "), e.getMessage());
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());
    }

    @Test
    void textAfterClosingQuoteIsMalformedAtItsLine() throws IOException {
        Path file = csv("junk.csv", "a,b\n1,2\n3,\"x\"y\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvReader.read(file, allocator));
        assertEquals(3, e.line(), e.getMessage());
        assertEquals(6, e.column(), e.getMessage()); // the 'y' after "x"
        assertTrue(e.getMessage().startsWith(file + ":3:6: malformed CSV"), e.getMessage());
    }

    @Test
    void headerProblemsAreNamed() throws IOException {
        DataFormatException duplicate = assertThrows(DataFormatException.class,
                () -> CsvReader.read(csv("dup.csv", "a,b,a\n1,2,3\n"), allocator));
        assertEquals(1, duplicate.line());
        assertEquals(3, duplicate.column());
        assertThrows(DataFormatException.class, () -> CsvReader.read(csv("empty.csv", ""), allocator));
        DataFormatException missing = assertThrows(DataFormatException.class, () -> CsvReader.read(
                csv("missing.csv", "a\n1\n"), allocator, CsvOptions.DEFAULTS.withSchema(Map.of("b", ColumnType.INT64))));
        assertTrue(missing.getMessage().contains("'b'"), missing.getMessage());
    }

    @Test
    void missingFileAndInvalidUtf8AreBadInput() throws IOException {
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> CsvReader.read(dir.resolve("nope.csv"), allocator));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, new byte[] {'a', '\n', (byte) 0xE9, '\n'});
        assertThrows(DataFormatException.class, () -> CsvReader.read(latin1, allocator));
    }

    /** survival_lung.csv as exported from R's survival package; counts from R: colSums(is.na(lung)). */
    @Test
    void readsTheNcctgLungDatasetAsRDoes() {
        try (Table lung = CsvReader.read(testData("survival_lung.csv"), allocator)) {
            assertEquals(228, lung.rowCount());
            assertEquals(List.of("inst", "time", "status", "age", "sex", "ph.ecog", "ph.karno", "pat.karno",
                    "meal.cal", "wt.loss"), lung.columnNames());
            assertEquals(47, nulls(lung, "meal.cal"));
            assertEquals(14, nulls(lung, "wt.loss"));
            assertEquals(3, nulls(lung, "pat.karno"));
            assertEquals(1, nulls(lung, "inst"));
            long timeSum = 0;
            double ageSum = 0;
            for (int row = 0; row < lung.rowCount(); row++) {
                timeSum += lung.longs("time").get(row);
                ageSum += lung.doubles("age").get(row);
            }
            assertEquals(69593, timeSum); // R: sum(lung$time)
            assertEquals(62.44736842105263, ageSum / lung.rowCount(), 1e-12); // R: mean(lung$age)
            assertEquals(1175, lung.longs("meal.cal").get(0));
        }
    }

    private static int nulls(Table table, String column) {
        int count = 0;
        for (int row = 0; row < table.rowCount(); row++) {
            if (table.vector(column).isNull(row)) {
                count++;
            }
        }
        return count;
    }

    @Test
    void writeThenReadGivesTheSameTable() throws IOException {
        Path file = dir.resolve("roundtrip.csv");
        try (Table original = CsvReader.read(testData("survival_lung.csv"), allocator)) {
            CsvWriter.write(original, file);
            try (Table again = CsvReader.read(file, allocator)) {
                assertEquals(TableDigest.sha256(original), TableDigest.sha256(again));
            }
        }
    }

    @Test
    void specialDoublesAndTextNeedingQuotesRoundTrip() throws IOException {
        Path file = dir.resolve("special.csv");
        try (Table original = Table.builder(allocator)
                .addFloat64("x", Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.1 + 0.2, -0.0, 1e-300)
                .addString("s", "a,b", "\"q\"", "line\nbreak", "", "plain").build()) {
            CsvWriter.write(original, file);
            // "" for the empty string reads back as null (missing) by default: compare only the numbers
            try (Table again = CsvReader.read(file, allocator,
                    CsvOptions.DEFAULTS.withSchema(Map.of("x", ColumnType.FLOAT64)))) {
                for (int row = 0; row < 5; row++) {
                    assertEquals(original.doubles("x").get(row), again.doubles("x").get(row));
                }
                assertEquals("line\nbreak", again.strings("s").get(2));
                assertEquals("\"q\"", again.strings("s").get(1));
            }
        }
    }
}
