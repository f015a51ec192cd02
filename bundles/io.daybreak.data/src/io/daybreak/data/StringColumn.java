package io.daybreak.data;

/** Read-only view of a UTF-8 column; valid while its {@link Table} is open. */
public interface StringColumn {
    int size();

    boolean isNull(int row);

    /** The value at {@code row}, or {@code null}. */
    String get(int row);
}
