package io.daybreak.data.cdisc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import io.daybreak.data.ColumnType;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;

/**
 * The CDISC ADaM variables whose role methods recognise, so that they default to them: in a time-to-event table
 * (ADTTE: {@code AVAL} and {@code CNSR}) the follow-up time is {@code AVAL} and an event is {@code CNSR = 0}
 * (ADaM's {@code CNSR} is a censoring flag, 1 or higher = censored: the opposite of R's {@code Surv()} status);
 * groups are the planned treatment ({@code TRTP}, else {@code TRT01P}); a BDS table's rows belong to the parameter
 * in {@code PARAMCD}, so one with several parameters is analysed one parameter at a time. {@code USUBJID} is the
 * subject and {@code ADT} the analysis date. Names are matched exactly (ADaM names are upper case).
 */
public final class AdamRoles {
    /** Unique subject identifier. */
    public static final String SUBJECT = "USUBJID";
    /** Parameter code of a BDS table (one analysis per value). */
    public static final String PARAMETER = "PARAMCD";
    /** Analysis value: the time to event in ADTTE. */
    public static final String VALUE = "AVAL";
    /** Censoring flag of ADTTE: 0 = event, 1 (or higher) = censored. */
    public static final String CENSOR = "CNSR";
    /** Analysis date. */
    public static final String DATE = "ADT";
    /** The value of {@link #CENSOR} that means an event. */
    public static final double EVENT = 0;
    /** Treatment variables in the order they are taken as the default group: record-level planned first. */
    public static final List<String> TREATMENTS = List.of("TRTP", "TRT01P");

    private AdamRoles() {
    }

    /** Whether the table is ADaM time-to-event shaped: numeric {@code AVAL} and {@code CNSR}. */
    public static boolean isTimeToEvent(Table table) {
        return isNumeric(table, VALUE) && isNumeric(table, CENSOR);
    }

    /** The planned-treatment column ({@link #TREATMENTS}), or null if the table has none. */
    public static String treatment(Table table) {
        for (String name : TREATMENTS) {
            if (table.hasColumn(name)) {
                return name;
            }
        }
        return null;
    }

    /** The distinct non-missing values of {@code PARAMCD}, sorted; empty if the table has no such text column. */
    public static List<String> parameters(Table table) {
        if (!table.hasColumn(PARAMETER) || table.columnType(PARAMETER) != ColumnType.STRING) {
            return List.of();
        }
        TreeSet<String> codes = new TreeSet<>();
        VarCharVector vector = (VarCharVector) table.vector(PARAMETER);
        for (int row = 0; row < table.rowCount(); row++) {
            if (!vector.isNull(row)) {
                codes.add(new String(vector.get(row), StandardCharsets.UTF_8));
            }
        }
        return List.copyOf(codes);
    }

    /**
     * The rows whose {@code PARAMCD} is {@code code}, as a new table from {@code allocator} (the caller closes it),
     * with the text column {@code codedColumn} (if not null) replaced by float64 codes 1, 2, ... of its sorted values
     * (as R numbers a factor's levels). {@code code} null keeps every row.
     *
     * @throws InvalidInputException naming the parameter codes present when {@code code} is not one of them
     */
    public static Table select(Table table, String code, String codedColumn, BufferAllocator allocator) {
        List<String> levels = codedColumn == null ? List.of() : levels(table, codedColumn);
        int[] rows = rows(table, code);
        List<Field> fields = new ArrayList<>();
        List<FieldVector> vectors = new ArrayList<>();
        try {
            for (FieldVector source : table.arrowRoot().getFieldVectors()) {
                FieldVector copy;
                if (source.getName().equals(codedColumn)) {
                    Field field = new Field(source.getName(), new FieldType(true, ColumnType.FLOAT64.arrowType(), null,
                            source.getField().getMetadata()), null);
                    Float8Vector coded = (Float8Vector) field.createVector(allocator);
                    vectors.add(coded);
                    coded.allocateNew(rows.length);
                    VarCharVector text = (VarCharVector) source;
                    for (int i = 0; i < rows.length; i++) {
                        if (text.isNull(rows[i])) {
                            coded.setNull(i);
                        } else {
                            coded.set(i, levels.indexOf(new String(text.get(rows[i]), StandardCharsets.UTF_8)) + 1);
                        }
                    }
                    copy = coded;
                } else {
                    copy = source.getField().createVector(allocator);
                    vectors.add(copy);
                    copy.allocateNew();
                    for (int i = 0; i < rows.length; i++) {
                        copy.copyFromSafe(rows[i], i, source);
                    }
                }
                copy.setValueCount(rows.length);
                fields.add(copy.getField());
            }
            return Table.adopt(new VectorSchemaRoot(new Schema(fields, table.schema().getCustomMetadata()), vectors,
                    rows.length));
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
    }

    /** The sorted distinct non-missing values of a text column. */
    public static List<String> levels(Table table, String column) {
        TreeSet<String> levels = new TreeSet<>();
        VarCharVector vector = (VarCharVector) table.vector(column);
        for (int row = 0; row < table.rowCount(); row++) {
            if (!vector.isNull(row)) {
                levels.add(new String(vector.get(row), StandardCharsets.UTF_8));
            }
        }
        return List.copyOf(levels);
    }

    private static int[] rows(Table table, String code) {
        if (code == null) {
            return java.util.stream.IntStream.range(0, table.rowCount()).toArray();
        }
        List<String> codes = parameters(table);
        if (!codes.contains(code)) {
            throw new InvalidInputException(codes.isEmpty() ? "the data have no text column " + PARAMETER
                    + " to choose parameter '" + code + "' from" : "the data have no rows with " + PARAMETER + " '"
                    + code + "'; " + PARAMETER + " values: " + String.join(", ", codes));
        }
        VarCharVector vector = (VarCharVector) table.vector(PARAMETER);
        byte[] wanted = code.getBytes(StandardCharsets.UTF_8);
        return java.util.stream.IntStream.range(0, table.rowCount())
                .filter(row -> !vector.isNull(row) && java.util.Arrays.equals(vector.get(row), wanted)).toArray();
    }

    private static boolean isNumeric(Table table, String name) {
        return table.hasColumn(name) && table.columnType(name) != null && table.columnType(name).isNumeric();
    }
}
