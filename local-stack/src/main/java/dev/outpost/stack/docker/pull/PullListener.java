package dev.outpost.stack.docker.pull;

/**
 * Hears a pull's progress. Called on the thread that reads the engine's stream, one call at a time per pull:
 * keep it quick, and hand off to the UI thread rather than work on this one.
 */
@FunctionalInterface
public interface PullListener {
    PullListener NONE = progress -> { };

    void onProgress(PullProgress progress);
}
