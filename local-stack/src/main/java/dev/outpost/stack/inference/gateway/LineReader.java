package dev.outpost.stack.inference.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lines from a byte stream, returned as soon as their newline arrives. A BufferedReader would do, but this
 * keeps the byte-level contract plain: it never waits for more input once it holds a whole line.
 */
final class LineReader {
    private final InputStream in;
    private byte[] buf = new byte[8192];
    private int start;
    private int end;
    private int scanned;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its {@code \n} or {@code \r\n}; a last line without a newline counts; null at the end. */
    String readLine() throws IOException {
        while (true) {
            for (int i = scanned; i < end; i++) {
                if (buf[i] == '\n') {
                    int stop = i > start && buf[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buf, start, stop - start, StandardCharsets.UTF_8);
                    start = i + 1;
                    scanned = start;
                    return line;
                }
            }
            scanned = end;
            if (start > 0 && start == end) {
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
                if (start == end) {
                    return null;
                }
                String rest = new String(buf, start, end - start, StandardCharsets.UTF_8);
                start = end;
                return rest;
            }
            end += n;
        }
    }
}
