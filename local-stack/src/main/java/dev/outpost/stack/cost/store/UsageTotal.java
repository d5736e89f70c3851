package dev.outpost.stack.cost.store;

import java.time.Duration;

/** Sums over a period for one subject (or for a day, in {@link DailyUsage}). */
public record UsageTotal(String subject, UsageKind kind, Duration running, double kwh, double grams, double cost,
                         String currency) {

    /** Mean power over the time it ran. */
    public double averageWatts() {
        double hours = running.toMillis() / 3_600_000.0;
        return hours == 0 ? 0 : kwh * 1000 / hours;
    }
}
