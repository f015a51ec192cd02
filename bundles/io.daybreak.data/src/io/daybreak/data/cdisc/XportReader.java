package io.daybreak.data.cdisc;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import io.daybreak.data.ColumnType;
import io.daybreak.data.DataFormatException;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;

/**
 * Reads SAS transport files (XPORT version 5, SAS TS-140, and version 8/9) record by record: the library header, then
 * per member its header, the NAMESTR records, the long labels of version 8 and the observations.
 */
final class XportReader {
    static final int RECORD = 80;
    static final String HEADER = "HEADER RECORD*******";
    static final String HEADER_END = "HEADER RECORD!!!!!!!";

    private final Path file;
    private final InputStream in;
    private final String wanted;
    private long offset;
    private byte[] pushedBack;
    private int version;
    private final Map<String, String> library = new LinkedHashMap<>();
    private final List<String> members = new ArrayList<>();

    private XportReader(Path file, InputStream in, String wanted) {
        this.file = file;
        this.in = in;
        this.wanted = wanted;
    }

    /** One variable of a member, from its NAMESTR record and (version 8) its long label. */
    private static final class Variable {
        boolean numeric;
        int length;
        int number;
        int position;
        String name;
        String label;
        String format;
        String informat;
        int justify;
        FieldVector vector;
    }

    /** The member read, with its vectors, and the number of rows. */
    private record Member(String name, Map<String, String> metadata, List<Variable> variables, int rows) {
    }

    static Table read(Path file, String member, BufferAllocator allocator) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return new XportReader(file, in, member).read(allocator);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    static List<String> members(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            XportReader reader = new XportReader(file, in, null);
            reader.scan(null);
            return List.copyOf(reader.members);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private Table read(BufferAllocator allocator) throws IOException {
        Member member = scan(allocator);
        try {
            if (member == null) {
                if (members.isEmpty()) {
                    throw error(offset, "the file holds no member (dataset)");
                }
                throw new InvalidInputException(file + ": no member '" + wanted + "'; members: "
                        + String.join(", ", members));
            }
            Map<String, String> metadata = new LinkedHashMap<>(member.metadata());
            metadata.putAll(library);
            metadata.put(Xport.MEMBERS, String.join(",", members));
            List<Field> fields = new ArrayList<>();
            List<FieldVector> vectors = new ArrayList<>();
            for (Variable variable : member.variables()) {
                variable.vector.setValueCount(member.rows());
                fields.add(variable.vector.getField());
                vectors.add(variable.vector);
            }
            return Table.adopt(new VectorSchemaRoot(new Schema(fields, metadata), vectors, member.rows()));
        } catch (RuntimeException e) {
            if (member != null) {
                member.variables().forEach(v -> v.vector.close());
            }
            throw e;
        }
    }

    /**
     * Reads the library header and every member's headers; the values of the member wanted (the first if none is
     * named) go into vectors from {@code allocator} (none if null). Returns that member, or null.
     */
    private Member scan(BufferAllocator allocator) throws IOException {
        byte[] first = next();
        if (first == null) {
            throw error(0, "the file is empty; a SAS transport file starts with a library header record");
        }
        String head = ascii(first, 0, RECORD);
        if (head.startsWith(HEADER + "LIBRARY " + HEADER_END)) {
            version = 5;
        } else if (head.startsWith(HEADER + "LIBV8   " + HEADER_END)) {
            version = 8;
        } else {
            throw error(0, "not a SAS transport (XPORT) file: it does not start with 'HEADER RECORD*******LIBRARY "
                    + "HEADER RECORD'" + hint(head));
        }
        long at = offset;
        byte[] real = require("the library header");
        if (!ascii(real, 0, 24).equals("SAS     SAS     SASLIB  ")) {
            throw error(at, "the library header's second record does not start with 'SAS     SAS     SASLIB'");
        }
        library.put(Xport.VERSION, Integer.toString(version));
        library.put(Xport.SAS_VERSION, ascii(real, 24, 8).strip());
        library.put(Xport.OS, ascii(real, 32, 8).strip());
        library.put(Xport.CREATED, ascii(real, 64, 16).strip());
        library.put(Xport.MODIFIED, ascii(require("the library header"), 0, 16).strip());
        try {
            return members(allocator);
        } catch (IOException | RuntimeException e) {
            closeTaken();
            throw e;
        }
    }

    private Member taken;

    private void closeTaken() {
        if (taken != null && taken.variables() != null) {
            taken.variables().forEach(v -> v.vector.close());
        }
    }

    private Member members(BufferAllocator allocator) throws IOException {
        long at;
        Member result = null;
        byte[] record;
        while ((record = next()) != null) {
            at = offset - RECORD;
            String text = ascii(record, 0, RECORD);
            if (!isMemberHeader(text)) {
                throw error(at, "expected a member header record ('" + HEADER + (version == 5 ? "MEMBER  " : "MEMBV8  ")
                        + HEADER_END + "'), found " + quote(text));
            }
            boolean take = result == null && allocator != null;
            Member member = member(text, at, take ? allocator : null);
            if (take && (wanted == null || wanted.equalsIgnoreCase(member.name()))) {
                result = member;
                taken = member;
            } else if (member.variables() != null) {
                member.variables().forEach(v -> {
                    if (v.vector != null) {
                        v.vector.close();
                    }
                });
            }
        }
        return result;
    }

    private boolean isMemberHeader(String text) {
        return text.startsWith(HEADER + "MEMBER  " + HEADER_END) || text.startsWith(HEADER + "MEMBV8  " + HEADER_END);
    }

    /** Reads one member from its header on; values into vectors if {@code allocator} is given. */
    private Member member(String header, long headerAt, BufferAllocator allocator) throws IOException {
        int namestrSize = number(header, 74, 4, headerAt, "NAMESTR record size");
        if (namestrSize != 140 && namestrSize != 136) {
            throw error(headerAt + 74, "NAMESTR record size " + namestrSize + "; transport files use 140 (136 on VAX/VMS)");
        }
        long at = offset;
        String descriptor = ascii(require("the member header"), 0, RECORD);
        if (!descriptor.startsWith(HEADER + "DSCRPTR " + HEADER_END) && !descriptor.startsWith(HEADER + "DSCPTV8 "
                + HEADER_END)) {
            throw error(at, "expected the member's descriptor header ('" + HEADER + "DSCRPTR " + HEADER_END + "'), found "
                    + quote(descriptor));
        }
        at = offset;
        byte[] real = require("the member header");
        if (!ascii(real, 0, 8).equals("SAS     ")) {
            throw error(at, "the member header does not start with 'SAS'");
        }
        int nameLength = version == 8 ? 32 : 8;
        String name = ascii(real, 8, nameLength).strip();
        members.add(name);
        boolean take = allocator != null && (wanted == null || wanted.equalsIgnoreCase(name));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(DatasetJson.PREFIX + "name", name);
        metadata.put(Xport.MEMBER, name);
        byte[] second = require("the member header");
        metadata.put(DatasetJson.PREFIX + "label", text(second, 32, 40));
        String type = ascii(second, 72, 8).strip();
        if (!type.isEmpty()) {
            metadata.put(Xport.DATASET_TYPE, type);
        }
        metadata.put(Xport.MEMBER_CREATED, ascii(real, 64, 16).strip());
        metadata.put(Xport.MEMBER_MODIFIED, ascii(second, 0, 16).strip());
        at = offset;
        String namestrHeader = ascii(require("the member header"), 0, RECORD);
        if (!namestrHeader.startsWith(HEADER + "NAMESTR " + HEADER_END)
                && !namestrHeader.startsWith(HEADER + "NAMSTV8 " + HEADER_END)
                && !namestrHeader.startsWith(HEADER + "NAMSTRV8" + HEADER_END)) {
            throw error(at, "expected the NAMESTR header record, found " + quote(namestrHeader));
        }
        int count = number(namestrHeader, 48, 10, at, "number of variables");
        List<Variable> variables = namestrs(count, namestrSize, name);
        at = offset;
        String next = ascii(require("the member's observation header"), 0, RECORD);
        if (next.startsWith(HEADER + "LABELV8 " + HEADER_END) || next.startsWith(HEADER + "LABELV9 " + HEADER_END)) {
            longLabels(next, at, variables);
            at = offset;
            next = ascii(require("the member's observation header"), 0, RECORD);
        }
        long expectedRows = -1;
        if (next.startsWith(HEADER + "OBSV8   " + HEADER_END)) {
            String rows = next.substring(48, 63).strip();
            if (!rows.isEmpty() && !rows.chars().allMatch(c -> c == '0')) {
                expectedRows = number(next, 48, 15, at, "number of observations");
            }
        } else if (!next.startsWith(HEADER + "OBS     " + HEADER_END)) {
            throw error(at, "expected the observation header ('" + HEADER + "OBS     " + HEADER_END + "'), found "
                    + quote(next));
        }
        int rowLength = 0;
        Set<String> names = new HashSet<>();
        for (Variable v : variables) {
            rowLength = Math.max(rowLength, v.position + v.length);
            if (!names.add(v.name)) {
                throw error(at, "member " + name + " has two variables named '" + v.name + "'");
            }
        }
        try {
            if (take) {
                for (Variable v : variables) {
                    v.vector = field(v).createVector(allocator);
                    v.vector.allocateNew();
                }
            }
            int rows = observations(variables, rowLength, expectedRows, take, name);
            return new Member(name, metadata, take ? variables : null, rows);
        } catch (IOException | RuntimeException e) {
            for (Variable v : variables) {
                if (v.vector != null) {
                    v.vector.close();
                }
            }
            throw e;
        }
    }

    private List<Variable> namestrs(int count, int size, String member) throws IOException {
        long start = offset;
        int bytes = count * size;
        byte[] all = new byte[bytes];
        int filled = 0;
        while (filled < bytes) {
            byte[] record = require("the NAMESTR records of member " + member);
            int take = Math.min(RECORD, bytes - filled);
            System.arraycopy(record, 0, all, filled, take);
            filled += take;
        }
        List<Variable> variables = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int o = i * size;
            long at = start + o;
            Variable v = new Variable();
            int type = shortAt(all, o);
            if (type != 1 && type != 2) {
                throw error(at, "variable " + (i + 1) + " of member " + member + " has type " + type
                        + "; 1 (numeric) or 2 (character) expected");
            }
            v.numeric = type == 1;
            v.length = shortAt(all, o + 4);
            v.number = shortAt(all, o + 6);
            v.name = ascii(all, o + 8, 8).strip();
            v.label = text(all, o + 16, 40);
            v.format = format(ascii(all, o + 56, 8).strip(), shortAt(all, o + 64), shortAt(all, o + 66));
            v.justify = shortAt(all, o + 68);
            v.informat = format(ascii(all, o + 72, 8).strip(), shortAt(all, o + 80), shortAt(all, o + 82));
            v.position = (int) Math.min(Integer.MAX_VALUE, intAt(all, o + 84));
            if (version == 8 && size == 140) {
                String longName = ascii(all, o + 88, 32).strip();
                if (!longName.isEmpty()) {
                    v.name = longName;
                }
            }
            if (v.name.isEmpty()) {
                throw error(at + 8, "variable " + (i + 1) + " of member " + member + " has no name");
            }
            if (v.numeric ? v.length < 2 || v.length > 8 : v.length < 1 || v.length > (version == 8 ? 32767 : 200)) {
                throw error(at + 4, "variable '" + v.name + "' of member " + member + " has length " + v.length
                        + (v.numeric ? "; numbers take 2 to 8 bytes" : "; character variables take 1 to "
                        + (version == 8 ? 32767 : 200) + " bytes"));
            }
            if (v.position < 0) {
                throw error(at + 84, "variable '" + v.name + "' of member " + member + " has a negative position");
            }
            variables.add(v);
        }
        return variables;
    }

    /** The LABELV8 (name, label) or LABELV9 (name, label, format, informat) section of version 8 files. */
    private void longLabels(String header, long at, List<Variable> variables) throws IOException {
        boolean v9 = header.startsWith(HEADER + "LABELV9 ");
        String[] tokens = header.substring(48).strip().split("\\s+");
        int count = number(tokens[0] + " ".repeat(15), 0, Math.min(15, tokens[0].length() + 1), at + 48,
                "number of long labels");
        Records records = new Records();
        for (int i = 0; i < count; i++) {
            long entryAt = records.position();
            int fields = v9 ? 5 : 3;
            byte[] head = records.take(2 * fields, "the long labels");
            int number = shortAt(head, 0);
            int nameLength = shortAt(head, 2);
            int labelLength = shortAt(head, 4);
            int formatLength = v9 ? shortAt(head, 6) : 0;
            int informatLength = v9 ? shortAt(head, 8) : 0;
            Variable target = null;
            for (Variable v : variables) {
                if (v.number == number) {
                    target = v;
                }
            }
            if (target == null) {
                throw error(entryAt, "a long label for variable number " + number + ", which the member does not have");
            }
            String name = decode(records.take(nameLength, "the long labels"), 0, nameLength, false);
            String label = decode(records.take(labelLength, "the long labels"), 0, labelLength, false);
            if (!name.isBlank()) {
                target.name = name.strip();
            }
            target.label = label;
            if (v9) {
                String format = ascii(records.take(formatLength, "the long labels"), 0, formatLength).strip();
                String informat = ascii(records.take(informatLength, "the long labels"), 0, informatLength).strip();
                if (!format.isEmpty()) {
                    target.format = format;
                }
                if (!informat.isEmpty()) {
                    target.informat = informat;
                }
            }
        }
    }

    /** Reads bytes across 80-byte records (the long-label section); the rest of its last record is padding. */
    private final class Records {
        private byte[] record;
        private int used = RECORD;

        long position() {
            return offset - RECORD + used;
        }

        byte[] take(int length, String what) throws IOException {
            byte[] out = new byte[length];
            int filled = 0;
            while (filled < length) {
                if (used == RECORD) {
                    record = require(what);
                    used = 0;
                }
                int n = Math.min(RECORD - used, length - filled);
                System.arraycopy(record, used, out, filled, n);
                used += n;
                filled += n;
            }
            return out;
        }
    }

    /**
     * Reads the observations up to the end of the file or the next member header; returns the number of rows. A
     * row that is all blanks in the last record can be padding (rows are not aligned to records): such rows are
     * dropped as long as they fit in less than one record, as other readers do.
     */
    private int observations(List<Variable> variables, int rowLength, long expectedRows, boolean take, String member)
            throws IOException {
        if (rowLength == 0) {
            // no variables: the rest of the member is padding
            byte[] record;
            while ((record = next()) != null) {
                if (isMemberHeader(ascii(record, 0, RECORD))) {
                    pushBack(record);
                    break;
                }
            }
            return 0;
        }
        byte[] row = new byte[rowLength];
        int filled = 0;
        long rowStart = offset;
        int rows = 0;
        int blankPending = 0;
        byte[] record;
        while ((record = next()) != null) {
            if (filled == 0 && isMemberHeader(ascii(record, 0, RECORD))) {
                pushBack(record);
                break;
            }
            if (filled != 0 && isMemberHeader(ascii(record, 0, RECORD)) && isBlank(row, 0, filled)) {
                pushBack(record);
                break;
            }
            int used = 0;
            while (used < RECORD) {
                if (filled == 0) {
                    rowStart = offset - RECORD + used;
                }
                int n = Math.min(RECORD - used, rowLength - filled);
                System.arraycopy(record, used, row, filled, n);
                used += n;
                filled += n;
                if (filled == rowLength) {
                    filled = 0;
                    if (expectedRows >= 0 && rows + blankPending >= expectedRows) {
                        if (!isBlank(row, 0, rowLength)) {
                            throw error(rowStart, "member " + member + " has more rows than the " + expectedRows
                                    + " its observation header states");
                        }
                        continue;
                    }
                    if (expectedRows < 0 && isBlank(row, 0, rowLength)) {
                        blankPending++;
                        continue;
                    }
                    for (; blankPending > 0; blankPending--) {
                        rows = store(variables, blankRow(rowLength), rows, take, rowStart);
                    }
                    rows = store(variables, row, rows, take, rowStart);
                }
            }
        }
        if (filled != 0 && !isBlank(row, 0, filled)) {
            throw error(rowStart, "member " + member + " ends inside row " + (rows + blankPending + 1) + " (" + filled
                    + " of " + rowLength + " bytes): the file is truncated or corrupt");
        }
        if (expectedRows >= 0) {
            if (rows < expectedRows) {
                throw error(offset, "member " + member + " has " + rows + " rows, but its observation header states "
                        + expectedRows + ": the file is truncated");
            }
            return rows;
        }
        // trailing blank rows: padding as long as it is shorter than one record
        int padding = filled;
        while (blankPending > 0 && padding + rowLength < RECORD) {
            padding += rowLength;
            blankPending--;
        }
        for (; blankPending > 0; blankPending--) {
            rows = store(variables, blankRow(rowLength), rows, take, rowStart);
        }
        return rows;
    }

    private static byte[] blankRow(int length) {
        byte[] blank = new byte[length];
        java.util.Arrays.fill(blank, (byte) ' ');
        return blank;
    }

    private int store(List<Variable> variables, byte[] row, int index, boolean take, long at) {
        if (!take) {
            return index + 1;
        }
        for (Variable v : variables) {
            if (v.numeric) {
                Float8Vector vector = (Float8Vector) v.vector;
                if (IbmFloat.missing(row, v.position, v.length) != 0) {
                    vector.setNull(index);
                } else {
                    vector.setSafe(index, IbmFloat.toDouble(row, v.position, v.length));
                }
            } else {
                int end = v.position + v.length;
                while (end > v.position && (row[end - 1] == ' ' || row[end - 1] == 0)) {
                    end--;
                }
                ((VarCharVector) v.vector).setSafe(index, utf8(row, v.position, end - v.position));
            }
        }
        return index + 1;
    }

    private Field field(Variable v) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(DatasetJson.LABEL, v.label);
        if (!v.numeric) {
            metadata.put(DatasetJson.LENGTH, Integer.toString(v.length));
        } else if (v.length != 8) {
            metadata.put(Xport.LENGTH, Integer.toString(v.length));
        }
        if (!v.format.isEmpty()) {
            metadata.put(DatasetJson.DISPLAY_FORMAT, v.format);
        }
        if (v.justify == 1) {
            metadata.put(Xport.FORMAT_JUSTIFY, "right");
        }
        if (!v.informat.isEmpty()) {
            metadata.put(Xport.INFORMAT, v.informat);
        }
        ColumnType type = v.numeric ? ColumnType.FLOAT64 : ColumnType.STRING;
        return new Field(v.name, new FieldType(true, type.arrowType(), null, metadata), null);
    }

    /** A format as SAS writes it: name, width, '.', decimals ({@code DATE9.}, {@code 8.2}, {@code $CHAR20.}). */
    static String format(String name, int width, int decimals) {
        if (name.isEmpty() && width == 0 && decimals == 0) {
            return "";
        }
        return name + (width > 0 ? Integer.toString(width) : "") + "." + (decimals > 0 ? Integer.toString(decimals) : "");
    }

    // --- records and bytes ---

    private byte[] next() throws IOException {
        if (pushedBack != null) {
            byte[] record = pushedBack;
            pushedBack = null;
            offset += RECORD;
            return record;
        }
        byte[] record = in.readNBytes(RECORD);
        if (record.length == 0) {
            return null;
        }
        if (record.length < RECORD) {
            throw error(offset, "the file ends inside an 80-byte record (" + record.length + " bytes of " + RECORD
                    + " at its end): it is truncated");
        }
        offset += RECORD;
        return record;
    }

    private void pushBack(byte[] record) {
        pushedBack = record;
        offset -= RECORD;
    }

    private byte[] require(String what) throws IOException {
        long at = offset;
        byte[] record = next();
        if (record == null) {
            throw error(at, "the file ends inside " + what + ": it is truncated");
        }
        return record;
    }

    private int number(String text, int from, int length, long at, String what) {
        String digits = text.substring(from, from + length).strip();
        try {
            long value = Long.parseLong(digits);
            if (value < 0 || value > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return (int) value;
        } catch (NumberFormatException e) {
            throw error(at + from, "the " + what + " is not a number: " + quote(digits));
        }
    }

    private static int shortAt(byte[] bytes, int offset) {
        return (short) (((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF));
    }

    private static long intAt(byte[] bytes, int offset) {
        return ((long) (bytes[offset] & 0xFF) << 24) | ((bytes[offset + 1] & 0xFF) << 16)
                | ((bytes[offset + 2] & 0xFF) << 8) | (bytes[offset + 3] & 0xFF);
    }

    private static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] bytes, int from, int length) {
        return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }

    /** Header text (labels): trailing blanks and NULs dropped, decoded like values. */
    private static String text(byte[] bytes, int from, int length) {
        return decode(bytes, from, length, true);
    }

    private static String decode(byte[] bytes, int from, int length, boolean trim) {
        int end = from + length;
        if (trim) {
            while (end > from && (bytes[end - 1] == ' ' || bytes[end - 1] == 0)) {
                end--;
            }
        }
        return new String(utf8(bytes, from, end - from), StandardCharsets.UTF_8);
    }

    /**
     * The UTF-8 bytes of a text value: the bytes themselves if they are valid UTF-8 (ASCII included), otherwise
     * the bytes read as Latin-1 (ISO 8859-1; older SAS sessions write WLATIN1), converted.
     */
    private static byte[] utf8(byte[] bytes, int from, int length) {
        boolean ascii = true;
        for (int i = from; i < from + length && ascii; i++) {
            ascii = bytes[i] >= 0;
        }
        if (ascii) {
            return java.util.Arrays.copyOfRange(bytes, from, from + length);
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, from, length));
            return java.util.Arrays.copyOfRange(bytes, from, from + length);
        } catch (CharacterCodingException e) {
            return new String(bytes, from, length, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String quote(String text) {
        String shown = text.strip();
        StringBuilder printable = new StringBuilder();
        for (char c : shown.toCharArray()) {
            printable.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return "'" + (printable.length() > 60 ? printable.substring(0, 60) + "…" : printable) + "'";
    }

    private static String hint(String head) {
        if (head.startsWith("**COMPRESSED**")) {
            return " (this is a SAS CPORT file, written by PROC CPORT; only PROC COPY / XPORT engine and %loc2xpt "
                    + "transport files are read)";
        }
        if (head.length() >= 32 && head.charAt(12) == (char) 0xC2 && head.charAt(13) == (char) 0xEA) {
            return " (this looks like a SAS7BDAT data set, not a transport file)";
        }
        return "";
    }

    private DataFormatException error(long at, String problem) {
        return new DataFormatException(file, 0, 0, "byte offset " + at + ": " + problem);
    }
}
