package io.daybreak.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that readers see either the old content or the complete new content, never a
 * partial file: the data goes to a temporary file in the same directory, which is moved into place only
 * after it was written completely, and deleted otherwise. The new file gets the permissions of the file
 * it replaces, or {@code rw-r--r--} (a temporary file alone would be owner-only).
 */
public final class AtomicFiles {
    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {
    }

    /** Receives the stream to write to; may throw. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Writes the complete content to the temporary file it is given (for writers that take a path, not a stream). */
    @FunctionalInterface
    public interface FileWriter {
        void write(Path temp) throws IOException;
    }

    /**
     * Writes {@code target} atomically.
     *
     * @throws InvalidInputException if the directory does not exist, the target is a directory, or writing
     *                               there is not permitted
     * @throws IOException           if writing fails otherwise (disk full, I/O error); the message names the
     *                               target and the reason
     */
    public static void write(Path target, Writer writer) throws IOException {
        writeFile(target, temp -> {
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.write(out);
            }
        });
    }

    /**
     * Writes {@code target} atomically through a writer that fills a file by its path: {@code writer} gets an empty
     * temporary file in the target's directory, which it may replace or overwrite, and which is moved into place
     * once it returns (and deleted if it throws).
     *
     * @throws InvalidInputException as {@link #write(Path, Writer)}
     * @throws IOException           as {@link #write(Path, Writer)}
     */
    public static void writeFile(Path target, FileWriter writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new InvalidInputException(target + ": directory " + directory + " does not exist");
        }
        if (Files.isDirectory(absolute)) {
            throw new InvalidInputException(target + ": is a directory, not a file");
        }
        Path temp;
        try {
            temp = Files.createTempFile(directory, "." + absolute.getFileName(), ".part");
        } catch (AccessDeniedException e) {
            throw new InvalidInputException(target + ": cannot write: permission denied in " + directory, e);
        } catch (IOException e) {
            throw new IOException(target + ": cannot write: " + reason(e), e);
        }
        try {
            writer.write(temp);
            setPermissions(temp, absolute);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (AccessDeniedException e) {
            throw new InvalidInputException(target + ": cannot write: permission denied", e);
        } catch (IOException e) {
            throw new IOException(target + ": cannot write: " + reason(e), e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void setPermissions(Path temp, Path target) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.exists(target) ? Files.getPosixFilePermissions(target) : NEW_FILE;
            Files.setPosixFilePermissions(temp, permissions);
        } catch (UnsupportedOperationException notPosix) {
            // the file system has no POSIX permissions: the default is all there is
        }
    }

    /** Why an I/O operation failed, in words; a file system exception's message is only the temp file's path. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fileSystem) {
            if (fileSystem.getReason() != null) {
                return fileSystem.getReason();
            }
            return switch (e.getClass().getSimpleName()) {
            case "NoSuchFileException" -> "no such file or directory";
            case "FileAlreadyExistsException" -> "file already exists";
            case "DirectoryNotEmptyException" -> "directory not empty";
            case "NotDirectoryException" -> "not a directory";
            default -> "file system error (" + e.getClass().getSimpleName() + ")";
            };
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
