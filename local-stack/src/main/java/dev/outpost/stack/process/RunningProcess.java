package dev.outpost.stack.process;

import java.util.concurrent.CompletableFuture;

/** A started child. Its output is already flowing to the listener given at start. */
public interface RunningProcess {
    long pid();

    /**
     * Waits for the child to end and for its output to be fully delivered.
     *
     * @return the result, whatever the exit code
     * @throws ProcessTimeoutException if the command's timeout passed first (the tree is killed)
     * @throws ProcessCancelledException if {@link #cancel()} was called
     */
    ProcessResult await() throws InterruptedException;

    /** Like {@link #await()}, then {@link ProcessResult#requireSuccess()}. */
    default ProcessResult awaitSuccess() throws InterruptedException {
        return await().requireSuccess();
    }

    /** Kills the child and all of its descendants. Safe to call at any time, more than once. */
    void cancel();

    boolean isAlive();

    /** Completes as {@link #await()} would return or throw. */
    CompletableFuture<ProcessResult> completion();
}
