package dev.outpost.stack.cost;

import java.time.Instant;
import java.util.Objects;

/**
 * The grid intensity an estimate used, and why that one.
 *
 * @param gramsPerKwh g CO2e per kWh
 * @param zone        the zone or Cloud region it describes
 * @param origin      live, a built-in yearly average, or a figure the user configured
 * @param source      human-readable citation
 * @param at          for a live figure the hour it is for; otherwise when it was looked up
 */
public record Intensity(double gramsPerKwh, String zone, Origin origin, String source, Instant at) {
    public enum Origin {
        LIVE,
        YEARLY_AVERAGE,
        CONFIGURED
    }

    public Intensity {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(at, "at");
    }
}
