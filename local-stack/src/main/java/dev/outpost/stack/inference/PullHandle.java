package dev.outpost.stack.inference;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A model pull running in the background: wait for it, or cancel it. */
public final class PullHandle {
    private final CompletableFuture<ModelPullProgress> result;
    private final Runnable canceller;

    PullHandle(CompletableFuture<ModelPullProgress> result, Runnable canceller) {
        this.result = result;
        this.canceller = canceller;
    }

    /**
     * Stops the pull promptly: the open stream is closed, so the server stops sending (Ollama keeps what it has
     * downloaded, and a later pull resumes it). {@link #await()} then throws {@link CancellationException}.
     */
    public void cancel() {
        canceller.run();
    }

    /**
     * Waits for the end of the pull.
     *
     * @return the last progress, {@code finished} set
     * @throws OllamaException       the pull failed (after its retries, where retrying made sense)
     * @throws CancellationException the pull was cancelled
     */
    public ModelPullProgress await() throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw rethrow(e);
        }
    }

    /** As {@link #await()}, giving up waiting (but not the pull) after {@code timeout}. */
    public ModelPullProgress await(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw rethrow(e);
        }
    }

    public boolean isDone() {
        return result.isDone();
    }

    /** The outcome, for composing; cancelling this copy does not cancel the pull ({@link #cancel()} does). */
    public CompletableFuture<ModelPullProgress> future() {
        return result.copy();
    }

    private static RuntimeException rethrow(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(cause);
    }
}
