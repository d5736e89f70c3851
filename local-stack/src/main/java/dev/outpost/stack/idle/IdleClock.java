package dev.outpost.stack.idle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One subject's idle time, fed an observation per sampling round. Pure state, no timers: the monitor calls
 * {@link #observe} with the round's time, so tests drive it with any clock.
 */
public final class IdleClock {
    public enum Step { ACTIVE, IDLE, WARN, STOP }

    private Instant lastActive;
    private boolean warned;

    public IdleClock(Instant start) {
        this.lastActive = start;
    }

    public synchronized Step observe(Instant now, boolean active, IdlePolicy policy) {
        if (active) {
            lastActive = now;
            warned = false;
            return Step.ACTIVE;
        }
        Optional<Duration> stopAfter = policy.enabled() ? policy.stopAfter() : Optional.empty();
        if (stopAfter.isEmpty()) {
            return Step.IDLE;
        }
        Duration idle = Duration.between(lastActive, now);
        if (idle.compareTo(stopAfter.get()) >= 0) {
            return Step.STOP;
        }
        if (!warned && idle.compareTo(policy.warnAfter().orElseThrow()) >= 0) {
            warned = true;
            return Step.WARN;
        }
        return Step.IDLE;
    }

    /** "Keep running": the idle time starts again from now, for a whole period. */
    public synchronized void keepRunning(Instant now) {
        lastActive = now;
        warned = false;
    }

    public synchronized Instant idleSince() {
        return lastActive;
    }

    public synchronized Optional<Instant> stopsAt(IdlePolicy policy) {
        return policy.enabled() ? policy.stopAfter().map(lastActive::plus) : Optional.empty();
    }
}
