package io.daybreak.console.internal;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What {@code ./daybreak} runs for a one-shot command when a resident runtime serves it: sends the arguments and
 * the working directory over the user's socket ({@link ResidentProtocol}), copies the command's standard output
 * and error as they come, and exits with its status. It starts in about a tenth of a second, a small part of
 * starting the OSGi runtime. JDK only: it runs from the console bundle's jar on a plain class path.
 *
 * <p>Arguments: {@code <socket> command|status|stop [--wait <pid>] [command arguments...]}. Without
 * {@code --wait}, a socket nobody answers ends the client with {@value ResidentProtocol#NOT_RUNNING} and no output,
 * so the script starts a runtime; with it, the client waits while the starting runtime (that process) is alive, and
 * if it never answers, says so and ends with the same status, so the script runs the command in a JVM of its own.
 */
public final class ResidentClient {
    private static final long START_TIMEOUT_MS = 180_000;

    private ResidentClient() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: ResidentClient <socket> command|status|stop [--wait <pid>] [arguments...]");
            System.exit(2);
        }
        Path socket = Path.of(args[0]);
        byte kind = switch (args[1]) {
        case "status" -> ResidentProtocol.STATUS;
        case "stop" -> ResidentProtocol.STOP;
        default -> ResidentProtocol.COMMAND;
        };
        int first = 2;
        long waitFor = -1;
        if (args.length > 3 && args[2].equals("--wait")) {
            waitFor = Long.parseLong(args[3]);
            first = 4;
        }
        List<String> command = Arrays.asList(args).subList(first, args.length);
        System.exit(run(socket, kind, waitFor, command));
    }

    private static int run(Path socket, byte kind, long waitFor, List<String> command) {
        SocketChannel channel = connect(socket, waitFor);
        if (channel == null) {
            if (waitFor >= 0) {
                // the script then runs the command in a JVM of its own, so a runtime that cannot start costs a note
                System.err.println("daybreak: note: the resident runtime did not start (its log: " + log(socket)
                        + "); running the command in its own JVM");
            }
            return ResidentProtocol.NOT_RUNNING;
        }
        try (channel) {
            ResidentProtocol.write(channel, ByteBuffer.wrap(request(kind, command)));
            return copyReplies(ResidentProtocol.in(channel), socket);
        } catch (IOException e) {
            System.err.println("daybreak: lost the resident runtime (" + e.getMessage() + "); its log: " + log(socket));
            return Failures.FAILURE;
        }
    }

    /** Connects, waiting while {@code waitFor} (a starting runtime's process) lives; null if nobody answers. */
    private static SocketChannel connect(Path socket, long waitFor) {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (true) {
            try {
                SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                try {
                    channel.connect(UnixDomainSocketAddress.of(socket));
                    return channel;
                } catch (IOException e) {
                    channel.close();
                }
            } catch (IOException e) {
                return null;
            }
            boolean starting = waitFor >= 0 && ProcessHandle.of(waitFor).map(ProcessHandle::isAlive).orElse(false);
            if (!starting || System.currentTimeMillis() > deadline) {
                return null;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    private static byte[] request(byte kind, List<String> command) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ResidentProtocol.writeInt(bytes, ResidentProtocol.MAGIC);
        bytes.write(kind);
        bytes.write(System.console() != null ? ResidentProtocol.TERMINAL : 0);
        ResidentProtocol.writeString(bytes, Path.of("").toAbsolutePath().toString());
        ResidentProtocol.writeInt(bytes, command.size());
        for (String argument : command) {
            ResidentProtocol.writeString(bytes, argument);
        }
        return bytes.toByteArray();
    }

    private static int copyReplies(InputStream in, Path socket) throws IOException {
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        OutputStream err = new FileOutputStream(FileDescriptor.err);
        while (true) {
            int type = in.read();
            if (type < 0) {
                System.err.println("daybreak: the resident runtime ended during the command; its log: " + log(socket));
                return Failures.FAILURE;
            }
            int length = ResidentProtocol.readInt(in);
            byte[] bytes = ResidentProtocol.readFully(in, length);
            switch (type) {
            case ResidentProtocol.STDOUT -> copy(out, bytes);
            case ResidentProtocol.STDERR -> copy(err, bytes);
            case ResidentProtocol.EXIT -> {
                return ByteBuffer.wrap(bytes).getInt();
            }
            default -> throw new IOException("unknown reply frame " + type);
            }
        }
    }

    /**
     * Writes to our own output; a closed one ({@code | head}) drops the rest, as the JVM's own streams do in a
     * one-shot process, and the command still ends with its status.
     */
    private static void copy(OutputStream stream, byte[] bytes) {
        try {
            stream.write(bytes);
        } catch (IOException e) {
            // the reader is gone; nothing to tell it
        }
    }

    private static Path log(Path socket) {
        String name = socket.getFileName().toString();
        return socket.resolveSibling(name.substring(0, name.lastIndexOf('.') + 1) + "log");
    }
}
