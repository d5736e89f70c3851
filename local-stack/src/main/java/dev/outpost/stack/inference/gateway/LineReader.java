package dev.outpost.stack.inference.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lines from a byte stream, each returned as soon as its newline arrives, and {@link #ready()} to ask,
 * without waiting, whether the next whole line is already here (so a writer can leave its flush to that one).
 */
final class LineReader {
    private final InputStream in;
    private byte[] buf = new byte[8192];
    private int start;
    private int end;
    private int scanned;
    private boolean eof;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** True when a whole next line, or the end, has already arrived: reading it will not wait for the network. */
    boolean ready() throws IOException {
        while (true) {
            if (newline() >= 0 || eof) {
                return true;
            }
            if (in.available() <= 0) {
                return false;
            }
            fill();
        }
    }

    /** The next line without its {@code \n} or {@code \r\n}; a last line without a newline counts; null at the end. */
    String readLine() throws IOException {
        while (true) {
            int i = newline();
            if (i >= 0) {
                int stop = i > start && buf[i - 1] == '\r' ? i - 1 : i;
                String line = new String(buf, start, stop - start, StandardCharsets.UTF_8);
                start = i + 1;
                scanned = start;
                return line;
            }
            if (eof) {
                if (start == end) {
                    return null;
                }
                String rest = new String(buf, start, end - start, StandardCharsets.UTF_8);
                start = end;
                scanned = end;
                return rest;
            }
            fill();
        }
    }

    private int newline() {
        for (int i = scanned; i < end; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        scanned = end;
        return -1;
    }

    /** One read into the buffer (blocking only if nothing has arrived), making room first. */
    private void fill() throws IOException {
        if (start == end) {
            start = end = scanned = 0;
        } else if (end == buf.length) {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                scanned -= start;
                start = 0;
            } else {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }
}
