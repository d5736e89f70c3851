package dev.outpost.stack.inference.fake;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds a double's stream at a point until the test releases it: proof that a client sees a chunk while the
 * server is still sending. The double gives up holding after {@link #HOLD_LIMIT}, so a client that buffers the
 * whole answer makes the test fail (late) instead of hanging.
 */
public final class Gate {
    public static final Duration HOLD_LIMIT = Duration.ofSeconds(10);

    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean holding;
    private volatile boolean timedOut;

    /** The double is stopped at the gate right now, having sent what came before it. */
    public boolean isHolding() {
        return holding;
    }

    /** The double got tired of waiting and went on by itself. */
    public boolean timedOut() {
        return timedOut;
    }

    public boolean awaitReached(Duration timeout) throws InterruptedException {
        return reached.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    public void release() {
        released.countDown();
    }

    /** Called by the double's handler thread. */
    void hold() throws InterruptedException {
        holding = true;
        reached.countDown();
        try {
            if (!released.await(HOLD_LIMIT.toNanos(), TimeUnit.NANOSECONDS)) {
                timedOut = true;
            }
        } finally {
            holding = false;
        }
    }
}
