package io.daybreak.data.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * A private in-memory DuckDB for one read or write: no extension is installed or loaded from anywhere (Parquet, JSON
 * and ICU are built into the driver), times are UTC, and anything DuckDB spills goes to a temporary directory of its
 * own that {@link #close()} deletes. DuckDB's default for an in-memory database would be {@code .tmp} in the working
 * directory.
 *
 * <p>The driver extracts its native library (~70 MB) to {@code java.io.tmpdir} at first use and deletes it only at
 * a normal JVM exit; on Linux the copy this process has mapped is unlinked once it is loaded, so a killed process
 * leaves nothing behind either.
 */
final class EmbeddedDuckDb implements AutoCloseable {
    private static final Pattern EXTRACTED_LIBRARY = Pattern.compile("libduckdb_java\\d*\\.so");
    private static volatile boolean libraryUnlinked;

    private final Path temporary;
    private final DuckDBConnection connection;
    private int links;

    private EmbeddedDuckDb(Path temporary, DuckDBConnection connection) {
        this.temporary = temporary;
        this.connection = connection;
    }

    /** Opens a new database; the caller closes it. */
    static EmbeddedDuckDb open() throws IOException, SQLException {
        Path temporary = Files.createTempDirectory("daybreak-duckdb-");
        try {
            Properties config = new Properties();
            config.setProperty("autoinstall_known_extensions", "false");
            config.setProperty("autoload_known_extensions", "false");
            config.setProperty("allow_community_extensions", "false");
            config.setProperty("allow_persistent_secrets", "false");
            config.setProperty("enable_external_file_cache", "false");
            config.setProperty("temp_directory", temporary.toString());
            DuckDBConnection connection = connect(config);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TimeZone = 'UTC'");
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            unlinkExtractedLibrary();
            return new EmbeddedDuckDb(temporary, connection);
        } catch (SQLException | RuntimeException | Error e) {
            deleteTree(temporary);
            throw e;
        }
    }

    private static DuckDBConnection connect(Properties config) throws SQLException {
        try {
            return (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:", config);
        } catch (LinkageError e) {
            throw new IllegalStateException("DuckDB's native library (bundle org.duckdb.duckdb_jdbc), which reads and "
                    + "writes Parquet, cannot be loaded on " + System.getProperty("os.name") + "/"
                    + System.getProperty("os.arch") + ": " + e, e);
        }
    }

    /**
     * A path DuckDB's file functions read as exactly {@code file}: they expand glob characters ({@code * ? [}), so a
     * file whose path has any is reached through a symbolic link in this database's temporary directory.
     */
    String plainPath(Path file) throws IOException {
        String path = file.toAbsolutePath().toString();
        if (path.chars().noneMatch(c -> c == '*' || c == '?' || c == '[' || c == '{')) {
            return path;
        }
        return Files.createSymbolicLink(temporary.resolve("input" + links++), file.toAbsolutePath()).toString();
    }

    DuckDBConnection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing DuckDB: " + e.getMessage(), e);
        } finally {
            deleteTree(temporary);
        }
    }

    /** The first line of a DuckDB error without its class prefix ({@code Invalid Input Error: }). */
    static String message(SQLException e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int newline = text.indexOf('\n');
        if (newline >= 0) {
            text = text.substring(0, newline).strip();
        }
        return text.replaceFirst("^[A-Za-z ]*Error: ", "");
    }

    /** A SQL string literal. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A quoted SQL identifier. */
    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /**
     * Unlinks the native library the driver extracted for this process (Linux: the mapping stays valid without the
     * file). Only files named as the driver names them, in {@code java.io.tmpdir}, that this process has mapped.
     */
    private static void unlinkExtractedLibrary() {
        if (libraryUnlinked) {
            return;
        }
        libraryUnlinked = true;
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return;
        }
        try {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
            List<String> lines = Files.readAllLines(maps);
            for (String line : lines) {
                int slash = line.indexOf('/');
                if (slash < 0) {
                    continue;
                }
                Path mapped = Path.of(line.substring(slash).strip());
                if (mapped.getFileName() != null && EXTRACTED_LIBRARY.matcher(mapped.getFileName().toString()).matches()
                        && mapped.getParent() != null && Files.exists(mapped)
                        && mapped.getParent().toRealPath().equals(tmp)) {
                    Files.deleteIfExists(mapped);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: the driver's own deleteOnExit still removes the file at a normal exit
        }
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // nothing more can be done; the directory is under java.io.tmpdir
        }
    }
}
