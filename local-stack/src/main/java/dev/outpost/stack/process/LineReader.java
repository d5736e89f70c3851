package dev.outpost.stack.process;

import java.io.IOException;
import java.io.Reader;
import java.util.function.Consumer;

/**
 * Splits a character stream into lines ({@code \n}, {@code \r\n} or a lone {@code \r}, which
 * progress bars use). A line longer than {@code maxLineLength} is delivered in pieces rather than
 * buffered without bound.
 */
final class LineReader {
    private final int maxLineLength;

    LineReader(int maxLineLength) {
        this.maxLineLength = maxLineLength;
    }

    void readAll(Reader in, Consumer<String> sink) throws IOException {
        char[] buf = new char[8192];
        StringBuilder line = new StringBuilder();
        boolean lastWasCr = false;
        int n;
        while ((n = in.read(buf)) != -1) {
            for (int i = 0; i < n; i++) {
                char c = buf[i];
                if (c == '\n') {
                    if (!lastWasCr) {
                        sink.accept(line.toString());
                    }
                    line.setLength(0);
                    lastWasCr = false;
                } else if (c == '\r') {
                    sink.accept(line.toString());
                    line.setLength(0);
                    lastWasCr = true;
                } else {
                    lastWasCr = false;
                    line.append(c);
                    if (line.length() >= maxLineLength) {
                        sink.accept(line.toString());
                        line.setLength(0);
                    }
                }
            }
        }
        if (!line.isEmpty()) {
            sink.accept(line.toString());
        }
    }
}
