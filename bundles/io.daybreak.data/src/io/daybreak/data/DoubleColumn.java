package io.daybreak.data;

/** Read-only view of a numeric column as doubles; valid while its {@link Table} is open. */
public interface DoubleColumn {
    int size();

    boolean isNull(int row);

    /** The value at {@code row}; NaN for a null. */
    double get(int row);
}
