package dev.outpost.stack.inference;

/**
 * Hears about a model pull as it goes. Called on the pull's own thread, one call at a time; a listener that
 * throws ends the pull with that exception.
 */
public interface PullListener {
    PullListener NONE = p -> { };

    /** After every status line, and once more when the pull is re-issued. */
    void onProgress(ModelPullProgress progress);

    /** The pull stalled or its connection dropped, and it is being re-issued (Ollama resumes partial layers). */
    default void onResume(PullResume resume) {
    }
}
