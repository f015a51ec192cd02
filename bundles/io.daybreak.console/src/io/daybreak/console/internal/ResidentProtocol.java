package io.daybreak.console.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The bytes between {@code ./daybreak}'s client ({@link ResidentClient}) and the resident runtime
 * ({@link ResidentRuntime}) over the user's Unix domain socket. Uses the JDK only: the client runs from the console
 * bundle's jar on a plain class path, outside OSGi.
 *
 * <p>Request: {@value #MAGIC} (int), the kind (byte: {@link #COMMAND}, {@link #STATUS} or {@link #STOP}), flags
 * (byte: {@link #TERMINAL} when the client's standard error is a terminal), the client's working directory, the
 * number of arguments (int) and each argument; strings as an int length and UTF-8 bytes. Reply: frames of a type
 * byte ({@link #STDOUT}, {@link #STDERR}) and an int length with that many bytes, ended by one {@link #EXIT} frame
 * whose four bytes are the exit status.
 *
 * <p>The channel is read and written directly rather than through {@code Channels.newInputStream}, whose streams
 * take the channel's blocking lock: a read waiting for the client's end would block every write of output.
 */
final class ResidentProtocol {
    static final int MAGIC = 0x44424b31;
    static final byte COMMAND = 1;
    static final byte STATUS = 2;
    static final byte STOP = 3;
    static final byte TERMINAL = 1;
    static final byte STDOUT = 1;
    static final byte STDERR = 2;
    static final byte EXIT = 3;
    /** Exit status of the client when no resident runtime answers (EX_TEMPFAIL): the script then starts one. */
    static final int NOT_RUNNING = 75;
    /** Bound on one request's strings, so a stray client cannot make the runtime allocate without limit. */
    static final int MAX_STRING = 1 << 20;
    static final int MAX_ARGUMENTS = 10_000;

    private ResidentProtocol() {
    }

    /** The channel's reading side as a stream (one reader only). */
    static InputStream in(SocketChannel channel) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                return length == 0 ? 0 : channel.read(ByteBuffer.wrap(bytes, offset, length));
            }
        };
    }

    /** Writes all of {@code bytes}. */
    static void write(SocketChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** One reply frame. */
    static ByteBuffer frame(byte type, byte[] bytes, int offset, int length) {
        ByteBuffer frame = ByteBuffer.allocate(5 + length);
        frame.put(type).putInt(length).put(bytes, offset, length);
        return frame.flip();
    }

    static void writeString(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        writeInt(out, bytes.length);
        out.write(bytes);
    }

    static void writeInt(OutputStream out, int value) throws IOException {
        out.write(ByteBuffer.allocate(4).putInt(value).array());
    }

    static String readString(InputStream in) throws IOException {
        int length = readInt(in);
        if (length < 0 || length > MAX_STRING) {
            throw new IOException("a string of " + length + " bytes; at most " + MAX_STRING);
        }
        return new String(readFully(in, length), StandardCharsets.UTF_8);
    }

    static int readInt(InputStream in) throws IOException {
        return ByteBuffer.wrap(readFully(in, 4)).getInt();
    }

    static byte readByte(InputStream in) throws IOException {
        return readFully(in, 1)[0];
    }

    static byte[] readFully(InputStream in, int length) throws IOException {
        byte[] bytes = new byte[length];
        int done = 0;
        while (done < length) {
            int n = in.read(bytes, done, length - done);
            if (n < 0) {
                throw new EOFException("the connection ended after " + done + " of " + length + " bytes");
            }
            done += n;
        }
        return bytes;
    }
}
