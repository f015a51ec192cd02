package io.daybreak.console.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.felix.service.command.CommandProcessor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * The resident runtime that {@code ./daybreak}'s one-shot commands reuse, as Gradle's daemon does: with
 * {@value #SOCKET} set, this runtime, once started, serves commands from {@link ResidentClient} over a Unix domain
 * socket, each on its own Gogo session exactly as a one-shot process would run it ({@link OneShotCommand}), so a
 * command costs the client's start (about 0.1 s) instead of the OSGi runtime's (2-3 s), and simulations run on
 * code the JIT has already compiled.
 *
 * <p>Who may connect: the socket lies in a directory only the user can enter (the script makes it 0700) and is
 * itself 0600, so only the user (and root) reach it. Which runtime: the script keys the socket by the product, its
 * build, the JVM options and the working directory, so relative paths mean what they mean to the user and a new
 * build gets a new runtime. When it ends: after {@value #IDLE_MINUTES} minutes without a command (default 60), when
 * the product is rebuilt ({@value #PRODUCT}'s modification time changes), when any runtime of the product changes
 * its bundles ({@link BundleChanges}), when its socket is removed or replaced, or on
 * {@code ./daybreak daemon stop}. A command whose client goes away (Ctrl-C) is interrupted; if it has not
 * stopped ten seconds later the runtime exits rather than keep computing for nobody.
 */
@Component(immediate = true)
public final class ResidentRuntime {
    static final String SOCKET = "daybreak.resident.socket";
    static final String PRODUCT = "daybreak.resident.product";
    static final String IDLE_MINUTES = "daybreak.resident.idleMinutes";
    private static final long ABANDONED_GRACE_MS = 10_000;

    @Reference
    private CommandProcessor processor;
    @Reference
    private ServiceComponentRuntime scr;

    private final Instant started = Instant.now();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong lastUsed = new AtomicLong(System.currentTimeMillis());
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "daybreak-resident-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ServerSocketChannel server;
    private volatile Path socket;
    private volatile Object socketKey;
    private volatile boolean debug;

    @Activate
    void activate(BundleContext context) {
        String path = context.getProperty(SOCKET);
        if (path == null) {
            return;
        }
        debug = Boolean.parseBoolean(context.getProperty("daybreak.debug"));
        socket = Path.of(path);
        Thread thread = new Thread(() -> serve(context), "daybreak-resident");
        thread.start();
    }

    @Deactivate
    void deactivate() {
        watchdog.shutdownNow();
        closeServer();
    }

    private void serve(BundleContext context) {
        if (!StartupBarrier.await(context, scr, ConsoleLauncher.STARTUP_TIMEOUT_MS)) {
            log("the runtime did not finish starting within " + ConsoleLauncher.STARTUP_TIMEOUT_MS / 1000 + " s");
            System.exit(Failures.FAILURE);
        }
        try {
            Files.deleteIfExists(socket);
            ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            channel.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE));
            socketKey = Files.readAttributes(socket, BasicFileAttributes.class).fileKey();
            server = channel;
        } catch (IOException | UnsupportedOperationException e) {
            log("cannot listen on " + socket + ": " + e);
            System.exit(Failures.FAILURE);
        }
        watch(context);
        log("serving " + Path.of("").toAbsolutePath() + " on " + socket + " (pid " + ProcessHandle.current().pid()
                + ")");
        while (true) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            running.incrementAndGet();
            lastUsed.set(System.currentTimeMillis());
            Thread thread = new Thread(() -> {
                try {
                    handle(client);
                } finally {
                    lastUsed.set(System.currentTimeMillis());
                    running.decrementAndGet();
                }
            }, "daybreak-resident-request-" + connections.incrementAndGet());
            thread.start();
        }
    }

    /** Ends the runtime when it is idle too long, its product is rebuilt or its socket is no longer its own. */
    private void watch(BundleContext context) {
        long idleMs = TimeUnit.MINUTES.toMillis(Long.parseLong(Objects.requireNonNullElse(
                context.getProperty(IDLE_MINUTES), "60").strip()));
        String product = context.getProperty(PRODUCT);
        FileTime built = product == null ? null : modified(Path.of(product));
        Path bundleMarker = BundleChanges.marker(context);
        FileTime bundles = BundleChanges.modified(bundleMarker);
        watchdog.scheduleWithFixedDelay(() -> {
            String reason = null;
            if (!isOwnSocket()) {
                reason = "its socket was removed or replaced";
            } else if (product != null && !Objects.equals(built, modified(Path.of(product)))) {
                reason = "the product was rebuilt";
            } else if (!Objects.equals(bundles, BundleChanges.modified(bundleMarker))) {
                reason = "a bundle was installed, updated, uninstalled, started or stopped";
            } else if (running.get() == 0 && System.currentTimeMillis() - lastUsed.get() > idleMs) {
                reason = "idle for " + idleMs / 60_000 + " minutes";
            }
            if (reason != null) {
                stop(reason);
            }
        }, 2, 2, TimeUnit.SECONDS);
    }

    private boolean isOwnSocket() {
        try {
            return Objects.equals(socketKey, Files.readAttributes(socket, BasicFileAttributes.class).fileKey());
        } catch (IOException e) {
            return false;
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }

    /** Stops taking commands, lets running ones finish, removes its socket and ends the JVM. */
    private void stop(String reason) {
        log("stopping: " + reason);
        closeServer();
        forgetPid();
        while (running.get() > 0) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (isOwnSocket()) {
            try {
                Files.deleteIfExists(socket);
            } catch (IOException e) {
                log("cannot remove " + socket + ": " + e);
            }
        }
        System.exit(Failures.OK);
    }

    /**
     * Removes the script's record of this process ({@code <key>.pid} beside the socket), so a command arriving
     * while this runtime finishes starts a new one instead of waiting for this one.
     */
    private void forgetPid() {
        String name = socket.getFileName().toString();
        Path pid = socket.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".pid");
        try {
            if (Files.exists(pid) && Files.readString(pid).strip().equals(Long.toString(ProcessHandle.current().pid()))) {
                Files.delete(pid);
            }
        } catch (IOException e) {
            log("cannot remove " + pid + ": " + e);
        }
    }

    private void closeServer() {
        ServerSocketChannel channel = server;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                log("cannot close the socket: " + e);
            }
        }
    }

    private void handle(SocketChannel client) {
        try (client) {
            InputStream in = ResidentProtocol.in(client);
            if (ResidentProtocol.readInt(in) != ResidentProtocol.MAGIC) {
                return;
            }
            byte kind = ResidentProtocol.readByte(in);
            boolean terminal = (ResidentProtocol.readByte(in) & ResidentProtocol.TERMINAL) != 0;
            String directory = ResidentProtocol.readString(in);
            int count = ResidentProtocol.readInt(in);
            if (count < 0 || count > ResidentProtocol.MAX_ARGUMENTS) {
                return;
            }
            List<String> args = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                args.add(ResidentProtocol.readString(in));
            }
            Object lock = new Object();
            PrintStream out = stream(client, ResidentProtocol.STDOUT, lock);
            PrintStream err = stream(client, ResidentProtocol.STDERR, lock);
            int code = switch (kind) {
            case ResidentProtocol.COMMAND -> command(client, in, directory, terminal, args, out, err);
            case ResidentProtocol.STATUS -> {
                out.println(status());
                yield Failures.OK;
            }
            case ResidentProtocol.STOP -> {
                out.println("stopping the resident runtime (pid " + ProcessHandle.current().pid() + ")");
                Thread stopper = new Thread(() -> stop("asked to stop"), "daybreak-resident-stop");
                stopper.start();
                yield Failures.OK;
            }
            default -> Failures.BAD_INPUT;
            };
            out.flush();
            err.flush();
            synchronized (lock) {
                ResidentProtocol.write(client, ResidentProtocol.frame(ResidentProtocol.EXIT,
                        ByteBuffer.allocate(4).putInt(code).array(), 0, 4));
            }
        } catch (ClosedChannelException e) {
            // the client went away; its command has ended
        } catch (IOException e) {
            if (debug) {
                log("a request failed: " + e);
            }
        }
    }

    private int command(SocketChannel client, InputStream in, String directory, boolean terminal, List<String> args,
            PrintStream out, PrintStream err) {
        Path here = Path.of("").toAbsolutePath();
        if (!Path.of(directory).equals(here)) {
            err.println("daybreak: this resident runtime serves " + here + ", not " + directory
                    + "; stop it with ./daybreak daemon stop");
            return Failures.FAILURE;
        }
        Thread worker = Thread.currentThread();
        AtomicInteger done = new AtomicInteger();
        Thread abandon = new Thread(() -> watchClient(in, worker, done), worker.getName() + "-client");
        abandon.setDaemon(true);
        abandon.start();
        commands.incrementAndGet();
        ProgressBar.terminal(terminal);
        try {
            return OneShotCommand.execute(processor, debug, args, out, err);
        } finally {
            ProgressBar.terminal(null);
            done.set(1);
        }
    }

    /**
     * The client sends nothing after its request, so the end of its stream means it is gone (Ctrl-C, a closed
     * pipe): the command is interrupted, and if it has not ended after a grace period the runtime exits.
     */
    private void watchClient(InputStream in, Thread worker, AtomicInteger done) {
        try {
            while (in.read() >= 0) {
                // nothing is expected; keep reading until the end
            }
        } catch (IOException e) {
            // closed: the same as the end of the stream
        }
        if (done.get() != 0) {
            return;
        }
        worker.interrupt();
        long deadline = System.currentTimeMillis() + ABANDONED_GRACE_MS;
        while (done.get() == 0 && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
        if (done.get() == 0) {
            log("a command kept running after its client left; ending the runtime");
            System.exit(Failures.FAILURE);
        }
    }

    private String status() {
        Runtime runtime = Runtime.getRuntime();
        long usedMb = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
        return "resident runtime: pid " + ProcessHandle.current().pid() + ", directory " + Path.of("").toAbsolutePath()
                + ", since " + started + " (" + (System.currentTimeMillis() - started.toEpochMilli()) / 1000 + " s), "
                + commands.get() + " commands served, " + running.get() + " connections open, heap " + usedMb
                + " MB used of " + (runtime.maxMemory() >> 20) + " MB, JVM "
                + ManagementFactory.getRuntimeMXBean().getVmVersion();
    }

    private static PrintStream stream(SocketChannel client, byte type, Object lock) {
        OutputStream frames = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (length == 0) {
                    return;
                }
                synchronized (lock) {
                    ResidentProtocol.write(client, ResidentProtocol.frame(type, bytes, offset, length));
                }
            }
        };
        return new PrintStream(new BufferedOutputStream(frames, 8192), true, StandardCharsets.UTF_8);
    }

    private static void log(String message) {
        System.err.println(Instant.now() + " daybreak resident runtime: " + message);
    }
}
