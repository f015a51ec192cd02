package io.daybreak.ide.views;

import java.nio.file.Path;
import java.util.List;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.data.files.TableFiles;

/**
 * An input table read from a file for the parameter form, in a child allocator of its own. Ownership is counted:
 * the picker that read it holds one reference and every run that reads it leases one more, because a run must
 * keep its inputs open until it has finished (see {@link io.daybreak.core.jobs.RunRequest}) even when the user
 * chooses another file or closes the view meanwhile. The table and its allocator are closed when the last
 * reference is released. Thread-safe: runs release their lease on the job service's threads.
 */
public final class LoadedTable {
    private final Path file;
    private final BufferAllocator allocator;
    private final Table table;
    private final RunInputs.Input stamp;
    private int references = 1;

    private LoadedTable(Path file, BufferAllocator allocator, Table table, RunInputs.Input stamp) {
        this.file = file;
        this.allocator = allocator;
        this.table = table;
        this.stamp = stamp;
    }

    /**
     * Reads a CSV or Arrow file ({@link TableFiles}) into a new child of {@code parent}; the caller holds the
     * first reference.
     *
     * @throws io.daybreak.data.InvalidInputException naming the file when it cannot be read
     */
    public static LoadedTable read(Path file, BufferAllocator parent) {
        // the file's size and time before it is read: a re-run from History checks them
        RunInputs.Input stamp = RunInputs.stamp(file);
        BufferAllocator allocator = parent.newChildAllocator("ide input " + file.getFileName(), 0, Long.MAX_VALUE);
        try {
            return new LoadedTable(file, allocator, TableFiles.read(file, allocator), stamp);
        } catch (RuntimeException e) {
            allocator.close();
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /** The file with its size and modification time when it was read. */
    public RunInputs.Input stamp() {
        return stamp;
    }

    /** The table; valid while a reference is held. */
    public Table table() {
        return table;
    }

    public int rows() {
        return table.rowCount();
    }

    public List<String> columns() {
        return table.columnNames();
    }

    /** Whether a column holds numbers (int or float). */
    public boolean numeric(String column) {
        ColumnType type = table.columnType(column);
        return type != null && type.isNumeric();
    }

    /** One more reference (a run's); it must be {@link #release() released}. */
    public synchronized LoadedTable lease() {
        if (references == 0) {
            throw new IllegalStateException(file + " has been closed");
        }
        references++;
        return this;
    }

    /** Gives one reference back; the last one closes the table and its allocator. */
    public synchronized void release() {
        if (references == 0) {
            return;
        }
        if (--references == 0) {
            table.close();
            allocator.close();
        }
    }

    /** The bytes the table holds in its allocator (0 once closed). */
    public long allocatedMemory() {
        return allocator.getAllocatedMemory();
    }

    /** Whether the table has been closed (every reference released). */
    public synchronized boolean isClosed() {
        return references == 0;
    }
}
