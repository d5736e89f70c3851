package dev.outpost.profiles.sync;

/**
 * Hears how a sync or push is getting on. Called on the thread doing the work; the desktop turns
 * it into a JavaFX task's progress.
 */
@FunctionalInterface
public interface SyncListener {
    /** {@code total} when the amount of work is not known. */
    int UNKNOWN = 0;

    SyncListener NONE = (task, done, total) -> {
    };

    /**
     * @param task  what is being done, such as "Receiving objects" or "Validating 4f3a2b1"
     * @param done  units done so far
     * @param total units in all, or {@link #UNKNOWN}
     */
    void progress(String task, int done, int total);
}
