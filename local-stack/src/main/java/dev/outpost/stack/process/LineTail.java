package dev.outpost.stack.process;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Keeps the last lines of a stream within a character budget, so a child that writes megabytes
 * cannot exhaust memory while its most recent (usually most telling) lines survive.
 */
final class LineTail {
    private final int maxChars;
    private final int maxLines;
    private final Deque<String> lines = new ArrayDeque<>();
    private long chars;
    private boolean truncated;

    LineTail(int maxChars, int maxLines) {
        this.maxChars = maxChars;
        this.maxLines = maxLines;
    }

    synchronized void add(String line) {
        lines.addLast(line);
        chars += line.length();
        while (lines.size() > 1 && (chars > maxChars || lines.size() > maxLines)) {
            chars -= lines.removeFirst().length();
            truncated = true;
        }
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    synchronized boolean truncated() {
        return truncated;
    }
}
