package io.daybreak.data.cdisc;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;

import io.daybreak.data.AtomicFiles;
import io.daybreak.data.ColumnType;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;

/** Writes a table as a one-member SAS transport file, version 5 or 8. */
final class XportWriter {
    private static final int RECORD = XportReader.RECORD;
    private static final String HEADER = XportReader.HEADER;
    private static final String HEADER_END = XportReader.HEADER_END;
    private static final String ZEROS = "000000000000000000000000000000  ";
    private static final Pattern SAS_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("ddMMMyy:HH:mm:ss", Locale.ROOT);
    private static final long SAS_EPOCH_DAY = LocalDate.of(1960, 1, 1).toEpochDay();

    private XportWriter() {
    }

    /** A format split as the NAMESTR holds it. */
    record Format(String name, int width, int decimals) {
        static final Format NONE = new Format("", 0, 0);

        /** Parses {@code DATE9.}, {@code 8.2}, {@code $CHAR20.}, {@code E8601DA.}; null or blank is no format. */
        static Format parse(String text) {
            if (text == null || text.isBlank()) {
                return NONE;
            }
            String s = text.strip();
            int dot = s.lastIndexOf('.');
            String head = dot < 0 ? s : s.substring(0, dot);
            String tail = dot < 0 ? "" : s.substring(dot + 1);
            int end = head.length();
            while (end > 0 && Character.isDigit(head.charAt(end - 1))) {
                end--;
            }
            try {
                int width = end == head.length() ? 0 : Integer.parseInt(head.substring(end));
                int decimals = tail.isEmpty() ? 0 : Integer.parseInt(tail);
                return new Format(head.substring(0, end).toUpperCase(Locale.ROOT), width, decimals);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("format '" + text + "' is not a SAS format (name, width, '.', decimals)");
            }
        }

        boolean isCharacter() {
            return name.startsWith("$");
        }
    }

    /** One variable to write. */
    private static final class Variable {
        String name;
        boolean numeric;
        int length;
        int position;
        byte[] label;
        Format format;
        Format informat;
        int justify;
        FieldVector vector;
        /** Numbers converted from ISO 8601 text (dates), or null. */
        double[] converted;
    }

    static void write(Table table, Path file, int requested) throws IOException {
        Map<String, String> dataset = table.metadata();
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        String name = dataset.getOrDefault(DatasetJson.PREFIX + "name",
                (dot < 0 ? fileName : fileName.substring(0, dot)).toUpperCase(Locale.ROOT));
        byte[] label = dataset.getOrDefault(DatasetJson.PREFIX + "label", "").getBytes(StandardCharsets.UTF_8);
        List<Variable> variables = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int position = 0;
        for (String column : table.columnNames()) {
            Variable v = variable(table, column);
            if (!names.add(v.name.toUpperCase(Locale.ROOT))) {
                throw new InvalidInputException("columns '" + v.name + "' and another differ only in case; SAS names "
                        + "are case-insensitive");
            }
            v.position = position;
            position += v.length;
            variables.add(v);
        }
        List<String> beyond5 = beyondVersion5(name, variables);
        int version = requested != 0 ? requested : "8".equals(dataset.get(Xport.VERSION)) || !beyond5.isEmpty() ? 8 : 5;
        if (version == 5 && !beyond5.isEmpty()) {
            throw new InvalidInputException("the table does not fit a version 5 transport file: "
                    + String.join("; ", beyond5) + " (version 8 holds them)");
        }
        check(name, label, variables, version);
        String now = LocalDateTime.now().format(STAMP).toUpperCase(Locale.ROOT);
        String sasVersion = dataset.getOrDefault(Xport.SAS_VERSION, "9.4");
        String os = dataset.getOrDefault(Xport.OS, "Daybreak");
        int rows = table.rowCount();
        AtomicFiles.write(file, out -> {
            Output o = new Output(new java.io.BufferedOutputStream(out, 1 << 16));
            o.text(HEADER + (version == 8 ? "LIBV8   " : "LIBRARY ") + HEADER_END + ZEROS, RECORD);
            o.text("SAS     SAS     SASLIB  " + pad(sasVersion, 8) + pad(os, 8) + " ".repeat(24)
                    + pad(dataset.getOrDefault(Xport.CREATED, now), 16), RECORD);
            o.text(pad(dataset.getOrDefault(Xport.MODIFIED, now), 16), RECORD);
            o.text(HEADER + (version == 8 ? "MEMBV8  " : "MEMBER  ") + HEADER_END + "000000000000000001600000000140  ",
                    RECORD);
            o.text(HEADER + (version == 8 ? "DSCPTV8 " : "DSCRPTR ") + HEADER_END + ZEROS, RECORD);
            String created = dataset.getOrDefault(Xport.MEMBER_CREATED, now);
            if (version == 8) {
                o.text("SAS     " + pad(name, 32) + "SASDATA " + pad(sasVersion, 8) + pad(os, 8) + pad(created, 16),
                        RECORD);
            } else {
                o.text("SAS     " + pad(name, 8) + "SASDATA " + pad(sasVersion, 8) + pad(os, 8) + " ".repeat(24)
                        + pad(created, 16), RECORD);
            }
            o.text(pad(dataset.getOrDefault(Xport.MEMBER_MODIFIED, now), 16) + " ".repeat(16), 32);
            o.bytes(label, 40, (byte) ' ');
            o.text(dataset.getOrDefault(Xport.DATASET_TYPE, ""), 8);
            o.text(HEADER + (version == 8 ? "NAMSTV8 " : "NAMESTR ") + HEADER_END
                    + String.format(Locale.ROOT, "%010d", variables.size()) + "00000000000000000000  ", RECORD);
            for (int i = 0; i < variables.size(); i++) {
                namestr(o, variables.get(i), i + 1, version);
            }
            o.pad();
            if (version == 8) {
                longLabels(o, variables);
            }
            o.text(version == 8 ? HEADER + "OBSV8   " + HEADER_END + String.format(Locale.ROOT, "%15d", rows)
                    + " ".repeat(17) : HEADER + "OBS     " + HEADER_END + ZEROS, RECORD);
            byte[] number = new byte[8];
            for (int row = 0; row < rows; row++) {
                for (Variable v : variables) {
                    if (v.numeric) {
                        double value = numberAt(v, row);
                        if (Double.isNaN(value)) {
                            IbmFloat.writeMissing('.', number, 0, 8);
                        } else {
                            IbmFloat.write(value, number, 0);
                        }
                        o.bytes(number, v.length, (byte) 0);
                    } else {
                        VarCharVector vector = (VarCharVector) v.vector;
                        o.bytes(vector.isNull(row) ? new byte[0] : vector.get(row), v.length, (byte) ' ');
                    }
                }
            }
            o.pad();
            o.flush();
        });
    }

    /** The value of a numeric variable; NaN for a missing one (nulls; a NaN value was refused before). */
    private static double numberAt(Variable v, int row) {
        if (v.converted != null) {
            return v.converted[row];
        }
        FieldVector vector = v.vector;
        if (vector.isNull(row)) {
            return Double.NaN;
        }
        if (vector instanceof Float8Vector f) {
            return f.get(row);
        }
        if (vector instanceof BigIntVector b) {
            return b.get(row);
        }
        if (vector instanceof IntVector i) {
            return i.get(row);
        }
        return ((BitVector) vector).get(row);
    }

    private static Variable variable(Table table, String column) {
        ColumnType type = table.columnType(column);
        if (type == null) {
            throw new InvalidInputException("column '" + column + "' has an Arrow type a transport file cannot hold");
        }
        Map<String, String> metadata = table.columnMetadata(column);
        Variable v = new Variable();
        v.name = column;
        v.vector = table.vector(column);
        v.label = metadata.getOrDefault(DatasetJson.LABEL, "").getBytes(StandardCharsets.UTF_8);
        v.format = Format.parse(metadata.get(DatasetJson.DISPLAY_FORMAT));
        v.informat = Format.parse(metadata.get(Xport.INFORMAT));
        v.justify = "right".equals(metadata.get(Xport.FORMAT_JUSTIFY)) ? 1 : 0;
        if (type == ColumnType.STRING && "integer".equals(metadata.get(DatasetJson.TARGET_DATA_TYPE))) {
            // a date SAS stores as a number (Dataset-JSON targetDataType integer); SDTM's --DTC text stays text
            v.converted = isoToSas(table, column, metadata.get(DatasetJson.DATA_TYPE));
        }
        v.numeric = type != ColumnType.STRING || v.converted != null;
        if (v.numeric) {
            v.length = integer(metadata.get(Xport.LENGTH), 8);
            if (v.length < 2 || v.length > 8) {
                v.length = 8;
            }
            if (type == ColumnType.FLOAT64) {
                Float8Vector vector = (Float8Vector) v.vector;
                for (int row = 0; row < table.rowCount(); row++) {
                    if (!vector.isNull(row) && (!Double.isFinite(vector.get(row))
                            || Math.abs(vector.get(row)) >= IbmFloat.LIMIT)) {
                        throw new InvalidInputException("row " + (row + 1) + ", column '" + column + "': "
                                + vector.get(row) + " cannot be written to a transport file (no NaN, infinity or "
                                + "magnitude from 7.2e75 on); make it missing (null) first");
                    }
                }
            }
            if (v.format.isCharacter()) {
                v.format = Format.NONE;
            }
        } else {
            VarCharVector vector = (VarCharVector) v.vector;
            int longest = 1;
            for (int row = 0; row < table.rowCount(); row++) {
                if (!vector.isNull(row)) {
                    longest = Math.max(longest, vector.getValueLength(row));
                }
            }
            v.length = Math.max(longest, integer(metadata.get(DatasetJson.LENGTH), 1));
            if (!v.format.isCharacter() && !v.format.name().isEmpty()) {
                v.format = Format.NONE; // a numeric format (DATE9.) on text that could not be converted
            }
        }
        return v;
    }

    /**
     * The SAS numbers of an ISO 8601 date, datetime or time column (Dataset-JSON {@code dataType} with
     * {@code targetDataType} integer): days since
     * 1960-01-01, seconds since 1960-01-01T00:00, seconds since midnight; null when some value is partial
     * ({@code 2014-01}) or not ISO 8601, in which case the column stays text.
     */
    private static double[] isoToSas(Table table, String column, String dataType) {
        if (!"date".equals(dataType) && !"datetime".equals(dataType) && !"time".equals(dataType)) {
            return null;
        }
        VarCharVector vector = (VarCharVector) table.vector(column);
        double[] values = new double[table.rowCount()];
        for (int row = 0; row < values.length; row++) {
            if (vector.isNull(row) || vector.getValueLength(row) == 0) {
                values[row] = Double.NaN;
                continue;
            }
            String text = new String(vector.get(row), StandardCharsets.UTF_8).strip();
            try {
                values[row] = switch (dataType) {
                case "date" -> LocalDate.parse(text).toEpochDay() - SAS_EPOCH_DAY;
                case "datetime" -> {
                    LocalDateTime t = LocalDateTime.parse(text);
                    yield (t.toLocalDate().toEpochDay() - SAS_EPOCH_DAY) * 86400.0 + t.toLocalTime().toNanoOfDay() / 1e9;
                }
                default -> LocalTime.parse(text).toNanoOfDay() / 1e9;
                };
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return values;
    }

    private static int integer(String text, int otherwise) {
        if (text == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static List<String> beyondVersion5(String dataset, List<Variable> variables) {
        List<String> beyond = new ArrayList<>();
        if (dataset.length() > 8) {
            beyond.add("dataset name '" + dataset + "' is longer than 8 characters");
        }
        for (Variable v : variables) {
            if (v.name.length() > 8) {
                beyond.add("column name '" + v.name + "' is longer than 8 characters");
            }
            if (v.label.length > 40) {
                beyond.add("column '" + v.name + "' has a label longer than 40 bytes");
            }
            if (!v.numeric && v.length > 200) {
                beyond.add("column '" + v.name + "' has values longer than 200 bytes");
            }
            if (v.format.name().length() > 8 || v.informat.name().length() > 8) {
                beyond.add("column '" + v.name + "' has a format name longer than 8 characters");
            }
        }
        return beyond;
    }

    private static void check(String dataset, byte[] label, List<Variable> variables, int version) {
        if (!SAS_NAME.matcher(dataset).matches() || dataset.length() > 32) {
            throw new InvalidInputException("dataset name '" + dataset + "' is not a SAS name (letters, digits and _, "
                    + "not starting with a digit, at most 32 characters); set it with the table's cdisc.name");
        }
        if (label.length > 40) {
            throw new InvalidInputException("the dataset label is longer than 40 bytes, which transport files hold");
        }
        for (Variable v : variables) {
            if (!SAS_NAME.matcher(v.name).matches() || v.name.length() > 32) {
                throw new InvalidInputException("column name '" + v.name + "' is not a SAS name (letters, digits and _, "
                        + "not starting with a digit, at most " + (version == 8 ? 32 : 8) + " characters)");
            }
            if (!v.numeric && v.length > 32767) {
                throw new InvalidInputException("column '" + v.name + "' has values longer than 32767 bytes");
            }
            if (v.label.length > 32767) {
                throw new InvalidInputException("column '" + v.name + "' has a label longer than 32767 bytes");
            }
        }
    }

    private static void namestr(Output o, Variable v, int number, int version) throws IOException {
        o.shortValue(v.numeric ? 1 : 2);
        o.shortValue(0);
        o.shortValue(v.length);
        o.shortValue(number);
        o.text(v.name.length() > 8 ? v.name.substring(0, 8) : v.name, 8);
        o.bytes(v.label, 40, (byte) ' ');
        o.text(v.format.name().length() > 8 ? "" : v.format.name(), 8);
        o.shortValue(v.format.width());
        o.shortValue(v.format.decimals());
        o.shortValue(v.justify);
        o.shortValue(0);
        o.text(v.informat.name().length() > 8 ? "" : v.informat.name(), 8);
        o.shortValue(v.informat.width());
        o.shortValue(v.informat.decimals());
        o.intValue(v.position);
        if (version == 8) {
            o.text(v.name, 32);
            o.shortValue(v.label.length);
            o.zeros(18);
        } else {
            o.zeros(52);
        }
    }

    /** LABELV8 (long labels) or LABELV9 (also long format names) entries, for the variables that need them. */
    private static void longLabels(Output o, List<Variable> variables) throws IOException {
        List<Integer> numbers = new ArrayList<>();
        boolean v9 = false;
        for (int i = 0; i < variables.size(); i++) {
            Variable v = variables.get(i);
            boolean longFormat = v.format.name().length() > 8 || v.informat.name().length() > 8;
            if (v.label.length > 40 || longFormat) {
                numbers.add(i);
                v9 |= longFormat;
            }
        }
        if (numbers.isEmpty()) {
            return;
        }
        o.text(HEADER + (v9 ? "LABELV9 " : "LABELV8 ") + HEADER_END + numbers.size(), RECORD);
        for (int i : numbers) {
            Variable v = variables.get(i);
            byte[] name = v.name.getBytes(StandardCharsets.US_ASCII);
            o.shortValue(i + 1);
            o.shortValue(name.length);
            o.shortValue(v.label.length);
            byte[] format = v9 ? text(v.format).getBytes(StandardCharsets.US_ASCII) : new byte[0];
            byte[] informat = v9 ? text(v.informat).getBytes(StandardCharsets.US_ASCII) : new byte[0];
            if (v9) {
                o.shortValue(format.length);
                o.shortValue(informat.length);
            }
            o.bytes(name, name.length, (byte) ' ');
            o.bytes(v.label, v.label.length, (byte) ' ');
            o.bytes(format, format.length, (byte) ' ');
            o.bytes(informat, informat.length, (byte) ' ');
        }
        o.pad();
    }

    private static String text(Format format) {
        return XportReader.format(format.name(), format.width(), format.decimals());
    }

    private static String pad(String text, int length) {
        return text.length() >= length ? text.substring(0, length) : text + " ".repeat(length - text.length());
    }

    /** Counts what it writes, to pad the last record with blanks. */
    private static final class Output {
        private final OutputStream out;
        private long written;

        Output(OutputStream out) {
            this.out = out;
        }

        void text(String text, int length) throws IOException {
            bytes(text.getBytes(StandardCharsets.ISO_8859_1), length, (byte) ' ');
        }

        /** The bytes, cut or padded with {@code fill} to {@code length}. */
        void bytes(byte[] bytes, int length, byte fill) throws IOException {
            int n = Math.min(bytes.length, length);
            out.write(bytes, 0, n);
            for (int i = n; i < length; i++) {
                out.write(fill);
            }
            written += length;
        }

        void shortValue(int value) throws IOException {
            out.write((value >>> 8) & 0xFF);
            out.write(value & 0xFF);
            written += 2;
        }

        void intValue(int value) throws IOException {
            shortValue(value >>> 16);
            shortValue(value & 0xFFFF);
        }

        void zeros(int length) throws IOException {
            bytes(new byte[0], length, (byte) 0);
        }

        void flush() throws IOException {
            out.flush();
        }

        void pad() throws IOException {
            int rest = (int) (written % RECORD);
            if (rest != 0) {
                bytes(new byte[0], RECORD - rest, (byte) ' ');
            }
        }
    }
}
