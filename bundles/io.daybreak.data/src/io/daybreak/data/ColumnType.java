package io.daybreak.data;

import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * The column types of the Daybreak data contract and their Arrow representation. Other Arrow types can
 * be carried in a {@link Table} but have no typed accessor.
 */
public enum ColumnType {
    /** 64-bit signed integer ({@code Int(64, signed)}). */
    INT64(new ArrowType.Int(64, true)),
    /** 32-bit signed integer ({@code Int(32, signed)}). */
    INT32(new ArrowType.Int(32, true)),
    /** IEEE 754 double ({@code FloatingPoint(DOUBLE)}). */
    FLOAT64(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
    /** UTF-8 string ({@code Utf8}). */
    STRING(ArrowType.Utf8.INSTANCE),
    /** Boolean ({@code Bool}). */
    BOOLEAN(ArrowType.Bool.INSTANCE);

    private final ArrowType arrowType;

    ColumnType(ArrowType arrowType) {
        this.arrowType = arrowType;
    }

    public ArrowType arrowType() {
        return arrowType;
    }

    /** A nullable Arrow field type for this column type. */
    public FieldType nullableFieldType() {
        return FieldType.nullable(arrowType);
    }

    /** True for the integer and floating-point types. */
    public boolean isNumeric() {
        return this == INT64 || this == INT32 || this == FLOAT64;
    }

    /** The column type of an Arrow type, or {@code null} if Daybreak has no typed accessor for it. */
    public static ColumnType of(ArrowType type) {
        for (ColumnType candidate : values()) {
            if (candidate.arrowType.equals(type)) {
                return candidate;
            }
        }
        return null;
    }

    /** Parses a type name as written in schemas and documentation ({@code int64}, {@code float64}, ...). */
    public static ColumnType parse(String name) {
        for (ColumnType candidate : values()) {
            if (candidate.name().equalsIgnoreCase(name) || candidate.alias().equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        throw new InvalidInputException("unknown column type '" + name
                + "'; allowed: int64, int32, float64, string, boolean");
    }

    /** The lower-case name used in documentation and JSON. */
    public String alias() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
