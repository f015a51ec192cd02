package io.daybreak.data.cdisc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.data.Table;

/**
 * SAS transport files ({@code .xpt}): XPORT version 5 (SAS TS-140, the format FDA and PMDA take) and version 8/9
 * (long names and labels), read and written.
 *
 * <p>Type mapping on read: numeric variables (IBM floating point, 2 to 8 bytes) become float64, the SAS missing values
 * {@code .}, {@code ._} and {@code .A}–{@code .Z} null; character variables become utf8 with their trailing blanks
 * removed (an all-blank value is the empty string, as SAS and R read it). SAS dates stay numbers (days since
 * 1960-01-01, seconds for datetimes) with their format ({@code DATE9.}) in the metadata. The metadata keys are those of
 * Dataset-JSON ({@link DatasetJson#LABEL}, {@link DatasetJson#LENGTH}, {@link DatasetJson#DISPLAY_FORMAT}, dataset
 * {@code cdisc.name} and {@code cdisc.label}), so that a table read from a transport file writes to Dataset-JSON and
 * back with its labels, lengths and formats; what Dataset-JSON has no place for is kept under {@code xpt.}
 * ({@link #INFORMAT}, {@link #VERSION}, ...).
 */
public final class Xport {
    /** Prefix of the transport-only metadata keys. */
    public static final String PREFIX = "xpt.";
    /**
     * Column: a numeric variable's length in bytes when it is not 8 (SAS stores shorter numbers truncated). Not
     * {@link DatasetJson#LENGTH}, which Dataset-JSON and define.xml use for a number's digits.
     */
    public static final String LENGTH = PREFIX + "length";
    /** Column: the informat ({@code DATE9.}), if any. */
    public static final String INFORMAT = PREFIX + "informat";
    /** Column: {@code right} if the format is right-justified (NAMESTR {@code nfj} = 1). */
    public static final String FORMAT_JUSTIFY = PREFIX + "formatJustify";
    /** Dataset: the transport version read, {@code 5} or {@code 8}. */
    public static final String VERSION = PREFIX + "version";
    /** Dataset: the SAS release that wrote the file ({@code 9.4}). */
    public static final String SAS_VERSION = PREFIX + "sasVersion";
    /** Dataset: the operating system that wrote the file. */
    public static final String OS = PREFIX + "os";
    /** Dataset: the library's creation time as written ({@code 15OCT12:22:56:22}). */
    public static final String CREATED = PREFIX + "created";
    /** Dataset: the library's modification time as written. */
    public static final String MODIFIED = PREFIX + "modified";
    /** Dataset: the member's creation time as written. */
    public static final String MEMBER_CREATED = PREFIX + "memberCreated";
    /** Dataset: the member's modification time as written. */
    public static final String MEMBER_MODIFIED = PREFIX + "memberModified";
    /** Dataset: the member's data set type, if any. */
    public static final String DATASET_TYPE = PREFIX + "datasetType";
    /** Dataset: the member read. */
    public static final String MEMBER = PREFIX + "member";
    /** Dataset: every member of the file, comma-separated, in file order. */
    public static final String MEMBERS = PREFIX + "members";

    private Xport() {
    }

    /**
     * Reads the first member of a transport file; {@link #MEMBERS} lists all of them. The caller owns (and closes)
     * the table.
     *
     * @throws io.daybreak.data.DataFormatException naming the file and the byte offset of the problem; nothing stays
     *                                              allocated
     */
    public static Table read(Path file, BufferAllocator allocator) {
        return XportReader.read(file, null, allocator);
    }

    /** Reads the member named {@code member} (case-insensitive); a name the file lacks is refused, listing members. */
    public static Table read(Path file, String member, BufferAllocator allocator) {
        return XportReader.read(file, member, allocator);
    }

    /** The names of the members (datasets) of a transport file, in file order. */
    public static List<String> members(Path file) {
        return XportReader.members(file);
    }

    /**
     * Writes a one-member transport file atomically: version 5 if the table fits it (names of up to 8 characters,
     * labels of up to 40, character values of up to 200 bytes, format names of up to 8), else version 8; a table
     * read from a version 8 file ({@link #VERSION}) is written as version 8.
     */
    public static void write(Table table, Path file) throws IOException {
        XportWriter.write(table, file, 0);
    }

    /**
     * Writes a one-member transport file of the given version (5 or 8); a table that does not fit version 5 is
     * refused, naming what does not fit.
     */
    public static void write(Table table, Path file, int version) throws IOException {
        if (version != 5 && version != 8) {
            throw new io.daybreak.data.InvalidInputException("transport version " + version + "; 5 or 8");
        }
        XportWriter.write(table, file, version);
    }
}
