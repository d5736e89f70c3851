package dev.outpost.stack.cost.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An automatic stop, and what the environment was costing when it was stopped: the saving is that rate over
 * the time it stayed stopped (until it was started again, or until now).
 *
 * @param subject       environment name, or the remote target whose lease was released
 * @param idleSince     when the last activity was seen
 * @param costPerHour   what it cost per hour while it ran, in {@code currency}
 * @param gramsPerHour  what it emitted per hour while it ran, gCO2e
 * @param resumedAt     when it ran again; empty while it is still stopped
 */
public record IdleStop(long id, String subject, UsageKind kind, Instant stoppedAt, Instant idleSince,
                       double costPerHour, double gramsPerHour, double kwhPerHour, String currency,
                       Optional<Instant> resumedAt) {

    /** How long it has stayed stopped, up to {@code now}. */
    public Duration stoppedFor(Instant now) {
        Instant end = resumedAt.orElse(now);
        return end.isBefore(stoppedAt) ? Duration.ZERO : Duration.between(stoppedAt, end);
    }

    public double savedCost(Instant now) {
        return costPerHour * hours(stoppedFor(now));
    }

    public double savedGrams(Instant now) {
        return gramsPerHour * hours(stoppedFor(now));
    }

    private static double hours(Duration d) {
        return d.toMillis() / 3_600_000.0;
    }
}
