package dev.outpost.stack.cost;

import dev.outpost.stack.cost.store.IdleStop;
import java.time.Instant;

/** What the idle policy does, as it does it; called on the monitor's thread. */
public interface IdleListener {
    /** {@code subject} will be stopped at {@code stopsAt} unless it is used or kept running. */
    default void warned(String subject, Instant stopsAt) {
    }

    /** It was stopped (an environment) or released (the remote GPU); the stop says what that saves. */
    default void stopped(IdleStop stop) {
    }

    /** The stop was attempted and failed; the environment still runs. */
    default void stopFailed(String subject, Exception cause) {
    }
}
