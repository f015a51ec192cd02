package io.daybreak.data;

/** Read-only view of an integer column; valid while its {@link Table} is open. */
public interface LongColumn {
    int size();

    boolean isNull(int row);

    /** The value at {@code row}; throws {@link IllegalStateException} for a null. */
    long get(int row);
}
