package dev.outpost.stack.cost.sampling;

import java.time.Duration;
import java.time.Instant;

/**
 * What a set of containers used between two readings.
 *
 * @param cpuCores      mean CPU over the interval, in cores (0.05 = 5 % of one core)
 * @param memoryBytes   memory in use at the end of the interval
 * @param networkBytes  bytes moved during the interval
 */
public record UsageInterval(Instant end, Duration span, double cpuCores, long memoryBytes, long networkBytes) {
    public static UsageInterval none(Instant at) {
        return new UsageInterval(at, Duration.ZERO, 0, 0, 0);
    }

    public UsageInterval plus(UsageInterval o) {
        return new UsageInterval(end.isAfter(o.end) ? end : o.end, span.compareTo(o.span) >= 0 ? span : o.span,
                cpuCores + o.cpuCores, memoryBytes + o.memoryBytes, networkBytes + o.networkBytes);
    }
}
