package dev.outpost.stack.cost;

import java.util.Objects;

/**
 * One GPU's power at idle and at full load, and where the numbers come from.
 *
 * @param name     canonical name, e.g. {@code "NVIDIA L4"}
 * @param minWatts draw at 0 % utilisation
 * @param maxWatts draw at 100 % utilisation
 * @param source   citation people can follow
 */
public record GpuWatts(String name, double minWatts, double maxWatts, String source) {
    public GpuWatts {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        if (!(minWatts >= 0) || !(maxWatts >= minWatts)) {
            throw new IllegalArgumentException("need 0 <= min <= max watts for " + name);
        }
    }
}
