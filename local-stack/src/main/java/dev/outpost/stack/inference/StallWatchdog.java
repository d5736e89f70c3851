package dev.outpost.stack.inference;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Fires once when no {@link #touch()} came for the timeout. A virtual thread parks until the deadline, so a
 * watchdog costs next to nothing while the stream is healthy.
 */
final class StallWatchdog implements AutoCloseable {
    private final Runnable onStall;
    private final Thread thread;
    private volatile long timeoutNanos;
    private volatile long lastTouch;
    private volatile boolean closed;

    private StallWatchdog(Duration timeout, Runnable onStall) {
        this.onStall = onStall;
        this.timeoutNanos = timeout.toNanos();
        this.lastTouch = System.nanoTime();
        this.thread = Thread.ofVirtual().name("ollama-pull-watchdog").unstarted(this::watch);
    }

    static StallWatchdog start(Duration timeout, Runnable onStall) {
        StallWatchdog w = new StallWatchdog(timeout, onStall);
        w.thread.start();
        return w;
    }

    /** Something arrived: the clock starts over. */
    void touch() {
        lastTouch = System.nanoTime();
    }

    /** A new timeout from now on (the pull entered a phase that is silent for longer). */
    void timeout(Duration timeout) {
        timeoutNanos = timeout.toNanos();
        touch();
        LockSupport.unpark(thread);
    }

    private void watch() {
        while (!closed) {
            long left = lastTouch + timeoutNanos - System.nanoTime();
            if (left <= 0) {
                if (!closed) {
                    onStall.run();
                }
                return;
            }
            LockSupport.parkNanos(this, left);
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
