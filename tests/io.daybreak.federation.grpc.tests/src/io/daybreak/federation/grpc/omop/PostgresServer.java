package io.daybreak.federation.grpc.omop;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for a test, from Debian's {@code postgresql} package (binaries under
 * {@code /usr/lib/postgresql/<version>/bin}, or the directory in {@code DAYBREAK_PG_BIN}): {@code initdb} into a
 * temporary directory, {@code pg_ctl start} on a free loopback port with its socket in that directory, password
 * (SCRAM) authentication over TCP, and {@link #close()} stops it and deletes the directory. PostgreSQL refuses to run
 * as root, so when the tests run as root (CI, the development machines) its programs run as the {@code postgres}
 * user the package creates, through {@code runuser}, in a directory that user owns. Missing binaries fail the test
 * with a message saying what to install; nothing is skipped.
 */
public final class PostgresServer implements AutoCloseable {
    /** The superuser's name and password (the test's own throwaway cluster). */
    public static final String ADMIN = "daybreak_admin";
    public static final String ADMIN_PASSWORD = "admin-secret-7Qx";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgres;

    private PostgresServer(Path bin, Path dir, int port, boolean asPostgres) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** The binaries of the newest PostgreSQL installed, or an error saying how to install them. */
    static Path binaries() throws IOException {
        String configured = System.getenv("DAYBREAK_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path root = Path.of("/usr/lib/postgresql");
        List<Path> versions = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> entries = Files.list(root)) {
                entries.filter(p -> Files.isExecutable(p.resolve("bin/initdb")) && Files.isExecutable(p.resolve("bin/pg_ctl"))
                        && Files.isExecutable(p.resolve("bin/postgres"))).forEach(versions::add);
            }
        }
        if (versions.isEmpty()) {
            throw new IllegalStateException("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (initdb, "
                    + "pg_ctl, postgres): install Debian's postgresql package (apt-get install postgresql; .ci/run does) "
                    + "or set DAYBREAK_PG_BIN to their directory");
        }
        versions.sort(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().replaceAll("\\D.*", "0"))));
        return versions.get(versions.size() - 1).resolve("bin");
    }

    /** Initialises and starts a server on a free loopback port. */
    public static PostgresServer start() throws IOException, InterruptedException {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("daybreak-pg-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        if (root) {
            UserPrincipal postgres;
            try {
                postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            } catch (IOException e) {
                throw new IllegalStateException("running as root, PostgreSQL needs the 'postgres' user that Debian's "
                        + "postgresql package creates; it does not exist", e);
            }
            Files.setOwner(dir, postgres);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PostgresServer server = new PostgresServer(bin, dir, port, root);
        try {
            Path passwordFile = dir.resolve("pwfile");
            Files.writeString(passwordFile, ADMIN_PASSWORD + "\n", StandardCharsets.UTF_8);
            if (root) {
                Files.setOwner(passwordFile, Files.getOwner(dir));
            }
            server.run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", ADMIN,
                    "--pwfile=" + passwordFile, "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8",
                    "--locale=C", "--no-sync"), 120);
            server.run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                    dir.resolve("server.log").toString(), "-w", "-t", "60", "-o", "-p " + port + " -c listen_addresses=127.0.0.1"
                            + " -c unix_socket_directories=" + dir + " -c fsync=off -c max_connections=20", "start"), 90);
            return server;
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A superuser connection to a database. */
    public Connection admin(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", ADMIN);
        properties.setProperty("password", ADMIN_PASSWORD);
        return new org.postgresql.Driver().connect(url(database), properties);
    }

    /** The server's log, for a failing test's message. */
    public String log() {
        try {
            return Files.readString(dir.resolve("server.log"));
        } catch (IOException e) {
            return "(no server log)";
        }
    }

    private void run(List<String> command, int seconds) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path output = Files.createTempFile("daybreak-pg-command", ".log");
        try {
            Process process = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " did not finish in " + seconds + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed (exit " + process.exitValue() + "): "
                        + Files.readString(output) + "\n" + log());
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Stops the server (fast shutdown) and deletes its directory. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (Files.exists(dir.resolve("data/postmaster.pid"))) {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w",
                        "-t", "60", "stop"), 90);
            }
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
