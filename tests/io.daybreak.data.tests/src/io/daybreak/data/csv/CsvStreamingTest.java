package io.daybreak.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.data.ArrowTestSupport;
import io.daybreak.data.ColumnType;
import io.daybreak.data.DataFormatException;
import io.daybreak.data.Table;
import io.daybreak.data.TableDigest;

/** The streaming reader: records across block boundaries, byte-level values, sampled type inference, failures. */
class CsvStreamingTest extends ArrowTestSupport {
    @TempDir
    Path dir;

    private Path csv(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Several megabytes of awkward CSV (quoted fields with delimiters, doubled quotes and line breaks, multi-byte
     * characters, CRLF, LF and CR line ends, blank lines) split into the same fields as Apache Commons CSV splits
     * them, so records and characters cut by the ends of the 1 MiB blocks are read whole.
     */
    @Test
    void splitsRecordsAsCommonsCsvAcrossBlocks() throws IOException {
        Random random = new Random(20);
        String[] pieces = {"a", "bc", "12", "-3.5", " ", ",", ";", "\"", "\n", "\r\n", "é", "€", "𝄞", "NA", "x y"};
        String[] ends = {"\n", "\r\n", "\r"};
        StringBuilder text = new StringBuilder("c1,c2,c3\n");
        while (text.length() < 3_500_000) {
            for (int c = 0; c < 3; c++) {
                StringBuilder field = new StringBuilder();
                int length = random.nextInt(random.nextInt(50) == 0 ? 3000 : 6);
                for (int i = 0; i < length; i++) {
                    field.append(pieces[random.nextInt(pieces.length)]);
                }
                String value = field.toString();
                boolean quote = random.nextInt(3) == 0 || value.matches("(?s).*[,\"\r\n].*");
                if (quote) {
                    text.append('"').append(value.replace("\"", "\"\"")).append('"');
                } else {
                    text.append(value.replace("\"", "x"));
                }
                if (c < 2) {
                    text.append(',');
                }
            }
            text.append(ends[random.nextInt(ends.length)]);
            if (random.nextInt(100) == 0) {
                text.append("\n");
            }
        }
        Path file = csv("awkward.csv", text.toString());
        List<String[]> expected = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get()
                .parse(new StringReader(text.toString()))) {
            for (CSVRecord record : parser) {
                expected.add(record.values());
            }
        }
        CsvOptions asText = new CsvOptions(',', Set.of(), Map.of("c1", ColumnType.STRING, "c2", ColumnType.STRING,
                "c3", ColumnType.STRING));
        try (Table table = CsvReader.read(file, allocator, asText)) {
            assertEquals(expected.size() - 1, table.rowCount());
            for (int c = 0; c < 3; c++) {
                String name = "c" + (c + 1);
                for (int row = 0; row < table.rowCount(); row++) {
                    assertEquals(expected.get(row + 1)[c], table.strings(name).get(row), name + " row " + row);
                }
            }
        }
    }

    /** Numbers parsed from bytes equal {@code Double.valueOf} of their text, bit for bit, including the slow cases. */
    @Test
    void numbersAreParsedExactlyAsJavaParsesTheirText() {
        Random random = new Random(7);
        List<String> texts = new ArrayList<>(List.of("0", "-0", "+0", "-0.0", "0.1", ".5", "5.", "-.5e-3", "1e22",
                "1e23", "9007199254740993", "9007199254740992", "0.9007199254740993", "900719925474099.3",
                "-0.2731262941881259", "8.999999999999999e-22", "123456789012345678", "1234567890123456789",
                "99999999999999999999",
                "0.000000000000000000000000001", "4.9e-324", "2.4703282292062328e-324", "1.7976931348623157e308",
                "1e309", "-1e400", "1E+05", "123.456e-7", "0.30000000000000004", "1e000000001", "000123.4500",
                "1e999999999999", "Inf", "-Inf", "+Inf", "inf", "-inf", "Infinity", "+Infinity", "-Infinity", "NaN"));
        for (int i = 0; i < 20_000; i++) {
            double value = switch (i % 4) {
            case 0 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            case 1 -> Math.round(random.nextGaussian() * 1e6) / 1e4;
            case 2 -> Double.longBitsToDouble(random.nextLong());
            default -> random.nextInt(100_000) / 100.0;
            };
            texts.add(Double.toString(value));
            texts.add(String.format(java.util.Locale.ROOT, "%.6f", value));
            texts.add(String.format(java.util.Locale.ROOT, "%.17g", value));
        }
        ByteValues values = new ByteValues();
        for (String text : texts) {
            byte[] bytes = ("x" + text + "y").getBytes(StandardCharsets.US_ASCII);
            Double expected = ValueParsers.parseDouble(text);
            boolean parsed = values.parseDouble(bytes, 1, bytes.length - 1);
            assertEquals(expected != null, parsed, text);
            if (parsed) {
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(values.doubleValue), text);
            }
        }
        for (String text : List.of("", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1,5", " 1", "1 ", "0x10", "1d",
                "1f", "--1", "infinity", "nan", "Infinit", "١٢")) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertFalse(values.parseDouble(bytes, 0, bytes.length), text);
            assertNull(ValueParsers.parseDouble(text), text);
        }
        for (String text : List.of("0", "-12", "+7", "9223372036854775807", "-9223372036854775808",
                "9223372036854775808", "0012", "1.0", "1e3", "", "-", "١")) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            Long expected = ValueParsers.parseLong(text);
            assertEquals(expected != null, values.parseLong(bytes, 0, bytes.length), text);
            if (expected != null) {
                assertEquals(expected, values.longValue, text);
            }
        }
        for (String text : List.of("true", "TRUE", "False", "fAlSe", "fal\u017Fe", "yes", "1", "truee", "")) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            Boolean expected = ValueParsers.parseBoolean(text);
            assertEquals(expected != null, values.parseBoolean(bytes, 0, bytes.length), text);
            if (expected != null) {
                assertEquals(expected, values.booleanValue, text);
            }
        }
    }

    @Test
    void anIntegerColumnThatMeetsADecimalAfterItsSampleBecomesFloat64() throws IOException {
        Path file = csv("widen.csv", "id,dose\n1,10\n2,NA\n3,9007199254740993\n4,2.5\n5,7\n");
        try (Table table = CsvReader.read(file, allocator, CsvOptions.DEFAULTS, true, 2)) {
            assertEquals(ColumnType.INT64, table.columnType("id"));
            assertEquals(ColumnType.FLOAT64, table.columnType("dose"));
            assertEquals(10.0, table.doubles("dose").get(0));
            assertTrue(table.doubles("dose").isNull(1));
            assertEquals(Double.valueOf("9007199254740993"), table.doubles("dose").get(2));
            assertEquals(2.5, table.doubles("dose").get(3));
            assertEquals(7.0, table.doubles("dose").get(4));
        }
    }

    @Test
    void textAfterTheSampleOfANumericColumnNamesRowValueAndInferredType() throws IOException {
        Path file = csv("late-text.csv", "id,age\n1,61\n2,70\n3,\"seventy\nfive\"\n");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> CsvReader.read(file, allocator, CsvOptions.DEFAULTS, true, 2));
        assertEquals(file + ":4:2: row 3, column 'age': 'seventy\nfive' is not a number (column 'age' was read as "
                + "int64, the type of its first 2 values; give it an explicit type, e.g. string, to read other values)",
                e.getMessage());
        assertEquals(4, e.line());
        assertEquals(2, e.column());
    }

    @Test
    void aBooleanColumnMeetingOtherValuesAfterItsSampleIsAnError() throws IOException {
        Path file = csv("late-bool.csv", "flag\ntrue\nFALSE\n1\n");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> CsvReader.read(file, allocator, CsvOptions.DEFAULTS, true, 2));
        assertTrue(e.getMessage().startsWith(file + ":4:1: row 3, column 'flag': '1' is not true or false (column "
                + "'flag' was read as boolean"), e.getMessage());
    }

    @Test
    void theSampleIsTheFirstNonMissingValuesOfEachColumn() throws IOException {
        // 'late' has no value in the first rows: its type comes from the values it has, not from the first rows
        Path file = csv("sparse.csv", "id,late,text\n1,,a\n2,NA,b\n3,,c\n4,1.5,d\n5,2,e\n6,,f\n");
        try (Table table = CsvReader.read(file, allocator, CsvOptions.DEFAULTS, true, 2)) {
            assertEquals(ColumnType.FLOAT64, table.columnType("late"));
            assertEquals(ColumnType.STRING, table.columnType("text"));
            assertEquals(2.0, table.doubles("late").get(4));
            assertTrue(table.doubles("late").isNull(5));
            assertEquals("f", table.strings("text").get(5));
        }
        try (Table small = CsvReader.read(file, allocator)) { // a file within one sample: every value decides
            assertEquals(ColumnType.FLOAT64, small.columnType("late"));
        }
    }

    @Test
    void explicitTypesAreCheckedAtEveryRow() throws IOException {
        Path file = csv("explicit.csv", "id,n\n1,1\n2,2\n3,3\n4,2147483648\n");
        CsvOptions options = CsvOptions.DEFAULTS.withSchema(Map.of("n", ColumnType.INT32));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> CsvReader.read(file, allocator, options, false, 2));
        assertEquals(file + ":5:2: row 4, column 'n': '2147483648' is not an integer (int32)", e.getMessage());
        CsvOptions decimals = CsvOptions.DEFAULTS.withSchema(Map.of("n", ColumnType.INT64));
        Path decimal = csv("explicit-decimal.csv", "n\n1\n2\n2.5\n");
        DataFormatException noWidening = assertThrows(DataFormatException.class,
                () -> CsvReader.read(decimal, allocator, decimals, false, 2));
        assertEquals(decimal + ":4:1: row 3, column 'n': '2.5' is not an integer (int64)", noWidening.getMessage());
    }

    /** Vectors allocated before a late error are released (ArrowTestSupport fails the test on any leak). */
    @Test
    void aLateErrorReleasesEverythingAllocated() throws IOException {
        StringBuilder text = new StringBuilder("id,x,name,flag\n");
        for (int i = 0; i < 200_000; i++) {
            text.append(i).append(',').append(i % 7 == 0 ? "0.5" : Integer.toString(i)).append(",n").append(i)
                    .append(',').append(i % 2 == 0).append('\n');
        }
        text.append("200000,1,n,oops\n");
        Path file = csv("late-error.csv", text.toString());
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvReader.read(file, allocator));
        assertEquals(200_002, e.line());
        assertEquals(4, e.column());
        assertEquals(0, allocator.getAllocatedMemory());
        Path ragged = csv("late-ragged.csv", text.substring(0, text.length() - "200000,1,n,oops\n".length()) + "1,2\n");
        assertThrows(DataFormatException.class, () -> CsvReader.read(ragged, allocator));
        assertEquals(0, allocator.getAllocatedMemory());
    }

    /** The first rows are short and the later ones long, so the vectors sized from the sample must grow. */
    @Test
    void vectorsGrowPastTheSizeTheSampleSuggests() throws IOException {
        StringBuilder text = new StringBuilder("i,x,s\n");
        int rows = 60_000;
        for (int i = 0; i < rows; i++) {
            String s = i < 20_000 ? "a" : "a-much-longer-text-value-" + i;
            text.append(i).append(',').append(i < 20_000 ? "1" : "12345.678901").append(',').append(s).append('\n');
        }
        Path file = csv("growing.csv", text.toString());
        try (Table table = CsvReader.read(file, allocator)) {
            assertEquals(rows, table.rowCount());
            assertEquals(ColumnType.FLOAT64, table.columnType("x"));
            assertEquals(59_999, table.longs("i").get(59_999));
            assertEquals(12345.678901, table.doubles("x").get(59_999));
            assertEquals(1.0, table.doubles("x").get(19_999));
            assertEquals("a-much-longer-text-value-59999", table.strings("s").get(59_999));
        }
    }

    /**
     * Long rows first and short ones after: the buffers sized from the sample must grow, also after an int64 column
     * widened; the table equals the one read with a sample of the whole file (sized exactly at its end).
     */
    @Test
    void buffersGrowAndTheTableEqualsOneInferredFromAllValues() throws IOException {
        StringBuilder text = new StringBuilder("i,flag,n,note\n");
        for (int i = 0; i < 150_000; i++) {
            text.append(i).append(',').append(i % 3 == 0 ? "NA" : i % 2 == 0 ? "TRUE" : "false").append(',')
                    .append(i == 120_000 ? "0.25" : i % 5 == 0 ? "" : Integer.toString(i % 1000)).append(',')
                    .append(i < 5_000 ? "a long note to make the first rows wide: row " + i : "n").append('\n');
        }
        Path file = csv("shrinking.csv", text.toString());
        try (Table sampled = CsvReader.read(file, allocator, CsvOptions.DEFAULTS, true, 1_000);
                Table whole = CsvReader.read(file, allocator, CsvOptions.DEFAULTS, true, Integer.MAX_VALUE)) {
            assertEquals(ColumnType.BOOLEAN, sampled.columnType("flag"));
            assertEquals(ColumnType.FLOAT64, sampled.columnType("n"));
            assertEquals(0.25, sampled.doubles("n").get(120_000));
            assertEquals(999.0, sampled.doubles("n").get(149_999));
            assertTrue(sampled.doubles("n").isNull(149_995));
            assertTrue(sampled.booleans("flag").get(149_998));
            assertTrue(sampled.booleans("flag").isNull(149_997));
            assertEquals(TableDigest.sha256(whole), TableDigest.sha256(sampled));
        }
    }

    @Test
    void invalidUtf8NamesItsLine() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, new byte[] {'n', 'a', 'm', 'e', '\n', 'o', 'k', '\n', 'J', 'o', 's', (byte) 0xE9, '\n'});
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvReader.read(file, allocator));
        assertEquals(3, e.line(), e.getMessage());
        assertEquals(4, e.column(), e.getMessage());
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }

    @Test
    void quotedMissingValuesAndBlanksAfterAClosingQuote() throws IOException {
        Path file = csv("quoted.csv", "a,b\n\"NA\",\"x\"  \n\"\",\"y\"\t\n\"3\",z\n");
        try (Table table = CsvReader.read(file, allocator)) {
            assertEquals(ColumnType.INT64, table.columnType("a"));
            assertTrue(table.longs("a").isNull(0));
            assertTrue(table.longs("a").isNull(1));
            assertEquals(3, table.longs("a").get(2));
            assertEquals(List.of("x", "y", "z"), List.of(table.strings("b").get(0), table.strings("b").get(1),
                    table.strings("b").get(2)));
        }
    }

    @Test
    void aHeaderOnlyFileHasStringColumnsAndNoRows() throws IOException {
        try (Table table = CsvReader.read(csv("header.csv", "a;b\r\n"), allocator)) {
            assertEquals(List.of("a", "b"), table.columnNames());
            assertEquals(0, table.rowCount());
            assertEquals(ColumnType.STRING, table.columnType("a"));
        }
        try (Table noEnd = CsvReader.read(csv("no-end.csv", "a,b\n1,"), allocator)) {
            assertEquals(1, noEnd.rowCount());
            assertTrue(noEnd.vector("b").isNull(0));
        }
    }
}
