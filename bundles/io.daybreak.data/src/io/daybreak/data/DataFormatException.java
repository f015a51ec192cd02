package io.daybreak.data;

import java.nio.file.Path;

/**
 * A data file could not be read: the message starts with {@code file:line:column:} where the position is
 * known (line and column are 1-based; 0 means unknown), then says what was wrong.
 */
public final class DataFormatException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final long column;

    public DataFormatException(Path file, long line, long column, String problem) {
        this(file, line, column, problem, null);
    }

    public DataFormatException(Path file, long line, long column, String problem, Throwable cause) {
        super(position(file, line, column) + problem, cause);
        this.file = file == null ? null : file.toString();
        this.line = line;
        this.column = column;
    }

    private static String position(Path file, long line, long column) {
        StringBuilder position = new StringBuilder(file == null ? "<stream>" : file.toString()).append(':');
        if (line > 0) {
            position.append(line).append(':');
            if (column > 0) {
                position.append(column).append(':');
            }
        }
        return position.append(' ').toString();
    }

    /** The file that was being read, or {@code null} for a stream. */
    public String file() {
        return file;
    }

    /** 1-based line of the problem, 0 if unknown. */
    public long line() {
        return line;
    }

    /** 1-based column (field number for CSV) of the problem, 0 if unknown. */
    public long column() {
        return column;
    }
}
