package dev.outpost.stack.process;

/**
 * Receives a child's output one line at a time, as it arrives. Called from the runner's reader
 * threads (one per stream), so implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface OutputListener {
    OutputListener NONE = (stream, line) -> { };

    void onLine(OutputStream stream, String line);

    enum OutputStream {
        STDOUT,
        STDERR
    }
}
