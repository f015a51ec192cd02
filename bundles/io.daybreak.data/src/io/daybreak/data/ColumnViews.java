package io.daybreak.data;

import java.nio.charset.StandardCharsets;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;

/** Typed views over Arrow vectors; each view reads the vector in place, without copying. */
final class ColumnViews {
    private ColumnViews() {
    }

    static DoubleColumn doubles(FieldVector vector, ColumnType type) {
        switch (type) {
        case FLOAT64: {
            Float8Vector v = (Float8Vector) vector;
            return new DoubleColumn() {
                public int size() { return v.getValueCount(); }
                public boolean isNull(int row) { return v.isNull(row); }
                public double get(int row) { return v.isNull(row) ? Double.NaN : v.get(row); }
            };
        }
        case INT64: {
            BigIntVector v = (BigIntVector) vector;
            return new DoubleColumn() {
                public int size() { return v.getValueCount(); }
                public boolean isNull(int row) { return v.isNull(row); }
                public double get(int row) { return v.isNull(row) ? Double.NaN : v.get(row); }
            };
        }
        case INT32: {
            IntVector v = (IntVector) vector;
            return new DoubleColumn() {
                public int size() { return v.getValueCount(); }
                public boolean isNull(int row) { return v.isNull(row); }
                public double get(int row) { return v.isNull(row) ? Double.NaN : v.get(row); }
            };
        }
        default:
            throw new IllegalArgumentException("not numeric: " + type);
        }
    }

    static LongColumn longs(FieldVector vector, ColumnType type) {
        switch (type) {
        case INT64: {
            BigIntVector v = (BigIntVector) vector;
            return new LongColumn() {
                public int size() { return v.getValueCount(); }
                public boolean isNull(int row) { return v.isNull(row); }
                public long get(int row) { return v.get(row); }
            };
        }
        case INT32: {
            IntVector v = (IntVector) vector;
            return new LongColumn() {
                public int size() { return v.getValueCount(); }
                public boolean isNull(int row) { return v.isNull(row); }
                public long get(int row) { return v.get(row); }
            };
        }
        default:
            throw new IllegalArgumentException("not an integer type: " + type);
        }
    }

    static StringColumn strings(FieldVector vector) {
        VarCharVector v = (VarCharVector) vector;
        return new StringColumn() {
            public int size() { return v.getValueCount(); }
            public boolean isNull(int row) { return v.isNull(row); }
            public String get(int row) {
                return v.isNull(row) ? null : new String(v.get(row), StandardCharsets.UTF_8);
            }
        };
    }

    static BooleanColumn booleans(FieldVector vector) {
        BitVector v = (BitVector) vector;
        return new BooleanColumn() {
            public int size() { return v.getValueCount(); }
            public boolean isNull(int row) { return v.isNull(row); }
            public boolean get(int row) { return v.get(row) != 0; }
        };
    }
}
