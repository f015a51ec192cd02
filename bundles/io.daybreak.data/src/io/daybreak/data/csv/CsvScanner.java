package io.daybreak.data.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;

import io.daybreak.data.DataFormatException;

/**
 * Splits UTF-8 CSV bytes into records and fields in one streaming pass, as RFC 4180 says and as Apache Commons CSV
 * read it before: a field that starts with a quote is quoted (a doubled quote inside stands for one, line breaks
 * inside are content, blanks may follow the closing quote); a quote elsewhere is an ordinary character; CRLF, LF
 * and CR end a record; blank lines are skipped; a UTF-8 byte order mark at the start is dropped. Every byte is
 * checked to be UTF-8.
 *
 * <p>The bytes are read in blocks into one buffer. A record is scanned only when the buffer holds all of it (a
 * record cut by the end of a block is moved to the front and scanned again once more bytes are in; the buffer
 * grows for a record longer than itself), so the fields of the current record are ranges of {@link #buffer()}
 * until the next call of {@link #next()}. Not thread-safe.
 */
final class CsvScanner {
    private static final int BLOCK = 1 << 20;
    private static final byte QUOTE = '"';

    private final InputStream in;
    private final Path file;
    private byte delimiter;
    /** For each byte value: whether it ends an unquoted field or needs a closer look (delimiter, CR, LF, non-ASCII). */
    private final boolean[] special = new boolean[256];

    private byte[] buffer = new byte[BLOCK];
    private int position;
    private int limit;
    private boolean eof;
    private long consumedBefore; // bytes of the file before buffer[0]
    private long line = 1; // line of buffer[position]

    private int fields;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] escaped = new boolean[16];
    private long recordLine;
    private long recordLines; // line breaks inside the record (in quoted fields), and its end

    CsvScanner(InputStream in, Path file, char delimiter) throws IOException {
        this.in = in;
        this.file = file;
        delimiter(delimiter);
        for (int b = 128; b < 256; b++) {
            special[b] = true;
        }
        fill();
        if (limit >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF) {
            position = 3; // a byte order mark is not text: left in, it would become part of the first column's name
        }
    }

    /**
     * The delimiter of the header line (the first line that is not blank), by the rule of
     * {@link CsvReader#detectDelimiter(String)}: whichever of comma, semicolon and tab occurs most often outside
     * quotes; comma when none occurs or on a tie with it. Call before the first {@link #next()}.
     */
    char detectDelimiter() throws IOException {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        int i = position;
        while (i < limit && (buffer[i] == '\n' || buffer[i] == '\r')) {
            i++;
        }
        while (true) {
            if (i == limit) {
                if (eof) {
                    break;
                }
                int offset = i - position;
                refill(); // a header line longer than the buffer
                i = position + offset;
                continue;
            }
            byte c = buffer[i++];
            if (c == QUOTE) {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas && tabs > semicolons ? '\t' : ',';
    }

    /** Sets the delimiter; call before the first {@link #next()}. */
    void delimiter(char newDelimiter) {
        if (newDelimiter > 127) {
            throw new IllegalArgumentException("the delimiter must be an ASCII character");
        }
        special[delimiter] = false;
        delimiter = (byte) newDelimiter;
        special['\n'] = true;
        special['\r'] = true;
        special[delimiter] = true;
    }

    /** Scans the next record that is not a blank line; false at the end of the file. */
    boolean next() throws IOException {
        while (true) {
            // blank lines before the record
            while (true) {
                if (position == limit) {
                    if (eof) {
                        return false;
                    }
                    refill();
                    continue;
                }
                byte c = buffer[position];
                if (c == '\n') {
                    position++;
                    line++;
                } else if (c == '\r') {
                    if (position + 1 == limit && !eof) {
                        refill();
                        continue;
                    }
                    position += position + 1 < limit && buffer[position + 1] == '\n' ? 2 : 1;
                    line++;
                } else {
                    break;
                }
            }
            int end = scan(position);
            if (end >= 0) {
                recordLine = line;
                line += recordLines;
                position = end;
                return true;
            }
            refill();
        }
    }

    /** Number of fields of the current record. */
    int fields() {
        return fields;
    }

    /** The bytes the fields of the current record are ranges of. */
    byte[] buffer() {
        return buffer;
    }

    int start(int field) {
        return starts[field];
    }

    int end(int field) {
        return ends[field];
    }

    /** 1-based line on which the current record starts. */
    long recordLine() {
        return recordLine;
    }

    /** Bytes of the file consumed so far (up to the end of the current record). */
    long consumed() {
        return consumedBefore + position;
    }

    /**
     * Scans the record starting at {@code p}: sets the fields and the line breaks it spans, and returns where the
     * next record starts, or -1 if the buffer ends before the record does and more bytes may come.
     */
    private int scan(int p) {
        byte[] b = buffer;
        int lim = limit;
        boolean[] stop = special;
        byte d = delimiter;
        int n = 0;
        long breaks = 0;
        while (true) {
            if (p < lim && b[p] == QUOTE) {
                int q = p + 1;
                boolean doubled = false;
                long quoteLine = line + breaks;
                while (true) {
                    if (q >= lim) {
                        if (!eof) {
                            return -1;
                        }
                        throw new DataFormatException(file, quoteLine, 0,
                                "malformed CSV: quoted field starting on this line is never closed");
                    }
                    byte c = b[q];
                    if (c == QUOTE) {
                        if (q + 1 >= lim && !eof) {
                            return -1;
                        }
                        if (q + 1 < lim && b[q + 1] == QUOTE) {
                            doubled = true;
                            q += 2;
                            continue;
                        }
                        break;
                    }
                    if (c == '\n') {
                        breaks++;
                        q++;
                    } else if (c < 0) {
                        int length = utf8(b, q, lim, breaks);
                        if (length < 0) {
                            return -1;
                        }
                        q += length;
                    } else {
                        q++;
                    }
                }
                n = field(n, p + 1, q, doubled);
                q++; // past the closing quote
                while (q < lim && b[q] != d && blank(b[q])) {
                    q++;
                }
                if (q >= lim) {
                    if (!eof) {
                        return -1;
                    }
                    return end(n, breaks, q);
                }
                byte c = b[q];
                if (c == d) {
                    p = q + 1;
                    if (p >= lim && eof) {
                        n = field(n, p, p, false);
                        return end(n, breaks, p);
                    }
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    int next = lineEnd(b, q, lim);
                    return next < 0 ? -1 : end(n, breaks + 1, next);
                }
                throw new DataFormatException(file, line + breaks, column(b, q),
                        "malformed CSV: unexpected character after a closing quote (a quote inside a quoted field "
                                + "must be doubled)");
            }
            int q = p;
            while (true) {
                while (q < lim && !stop[b[q] & 0xFF]) {
                    q++;
                }
                if (q < lim && b[q] < 0) {
                    int length = utf8(b, q, lim, breaks);
                    if (length < 0) {
                        return -1;
                    }
                    q += length;
                    continue;
                }
                break;
            }
            if (q >= lim) {
                if (!eof) {
                    return -1;
                }
                n = field(n, p, q, false);
                return end(n, breaks, q);
            }
            n = field(n, p, q, false);
            byte c = b[q];
            if (c == d) {
                p = q + 1;
                if (p >= lim) {
                    if (!eof) {
                        return -1;
                    }
                    n = field(n, p, p, false);
                    return end(n, breaks, p);
                }
                continue;
            }
            int next = lineEnd(b, q, lim);
            return next < 0 ? -1 : end(n, breaks + 1, next);
        }
    }

    /** Where the record after the line break at {@code q} starts (CRLF is one break), or -1 if that is unknown yet. */
    private int lineEnd(byte[] b, int q, int lim) {
        if (b[q] == '\r') {
            if (q + 1 >= lim) {
                return eof ? q + 1 : -1;
            }
            return b[q + 1] == '\n' ? q + 2 : q + 1;
        }
        return q + 1;
    }

    private int end(int n, long breaks, int next) {
        fields = n;
        recordLines = breaks;
        return next;
    }

    /** Adds a field (the bytes from {@code from} to {@code to}, doubled quotes still in if {@code doubled}). */
    private int field(int n, int from, int to, boolean doubled) {
        if (n == starts.length) {
            starts = Arrays.copyOf(starts, n * 2);
            ends = Arrays.copyOf(ends, n * 2);
            escaped = Arrays.copyOf(escaped, n * 2);
        }
        starts[n] = from;
        ends[n] = to;
        escaped[n] = doubled;
        return n + 1;
    }

    /**
     * Undoes the doubling of quotes in a quoted field of the current record (in place: the record is complete and
     * will not be scanned again), so that {@link #start}/{@link #end} give its text.
     */
    void unescape(int field) {
        if (!escaped[field]) {
            return;
        }
        byte[] b = buffer;
        int write = starts[field];
        for (int read = starts[field]; read < ends[field]; read++) {
            b[write++] = b[read];
            if (b[read] == QUOTE) {
                read++; // the second of a pair
            }
        }
        ends[field] = write;
        escaped[field] = false;
    }

    /** Blanks that Commons CSV skipped after a closing quote (Java whitespace other than line breaks). */
    private static boolean blank(byte c) {
        return c == ' ' || c == '\t' || c == 0x0B || c == '\f' || (c >= 0x1C && c <= 0x1F);
    }

    /**
     * Length of the UTF-8 sequence starting at {@code q} with a non-ASCII byte, or -1 if the buffer ends inside it
     * and more bytes may come; throws if it is not UTF-8.
     */
    private int utf8(byte[] b, int q, int lim, long breaks) {
        int lead = b[q] & 0xFF;
        int length;
        int min = 0x80;
        int max = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            min = lead == 0xE0 ? 0xA0 : 0x80;
            max = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            min = lead == 0xF0 ? 0x90 : 0x80;
            max = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw notUtf8(b, q, breaks);
        }
        for (int i = 1; i < length; i++) {
            if (q + i >= lim) {
                if (!eof) {
                    return -1;
                }
                throw notUtf8(b, q, breaks);
            }
            int c = b[q + i] & 0xFF;
            if (c < (i == 1 ? min : 0x80) || c > (i == 1 ? max : 0xBF)) {
                throw notUtf8(b, q, breaks);
            }
        }
        return length;
    }

    private DataFormatException notUtf8(byte[] b, int q, long breaks) {
        return new DataFormatException(file, line + breaks, column(b, q),
                "not valid UTF-8 text (byte 0x" + Integer.toHexString(b[q] & 0xFF).toUpperCase(java.util.Locale.ROOT)
                        + "): save the file as UTF-8");
    }

    /** The 1-based character position of byte {@code q} within its line. */
    private int column(byte[] b, int q) {
        int lineStart = q;
        while (lineStart > position && b[lineStart - 1] != '\n' && b[lineStart - 1] != '\r') {
            lineStart--;
        }
        int characters = 0;
        for (int i = lineStart; i <= q; i++) {
            characters += (b[i] & 0xC0) == 0x80 ? 0 : 1;
        }
        return characters;
    }

    /** Keeps the unscanned bytes (from {@link #position}), moved to the front, and reads more after them. */
    private void refill() throws IOException {
        int kept = limit - position;
        if (position == 0 && kept == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2); // a record longer than the buffer
        } else if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, kept);
            consumedBefore += position;
        }
        position = 0;
        limit = kept;
        fill();
    }

    private void fill() throws IOException {
        while (limit < buffer.length) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                eof = true;
                return;
            }
            limit += read;
        }
    }
}
