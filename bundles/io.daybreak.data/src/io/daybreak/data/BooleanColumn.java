package io.daybreak.data;

/** Read-only view of a boolean column; valid while its {@link Table} is open. */
public interface BooleanColumn {
    int size();

    boolean isNull(int row);

    /** The value at {@code row}; throws {@link IllegalStateException} for a null. */
    boolean get(int row);
}
