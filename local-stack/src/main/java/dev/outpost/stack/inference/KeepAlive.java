package dev.outpost.stack.inference;

import java.time.Duration;

/**
 * Ollama's {@code keep_alive}: how long the model stays loaded after a request. Ollama reads a number as seconds
 * and a string as a Go duration; negative means forever and zero unloads at once.
 */
final class KeepAlive {
    private KeepAlive() {
    }

    /** As a Go duration string, which every Ollama version accepts. */
    static String of(Duration d) {
        return d.isNegative() ? "-1s" : d.toSeconds() + "s";
    }
}
