package dev.outpost.stack.cost.sampling;

import java.time.Instant;

/**
 * One reading of a container's cumulative counters. CPU and network are counters since the container started,
 * so usage over an interval is the difference of two readings.
 *
 * @param cpuTotalNanos CPU time used since start, nanoseconds
 * @param memoryBytes   memory in use now, without the page cache (as {@code docker stats} shows it)
 * @param networkBytes  bytes received plus sent since start, all interfaces
 */
public record ContainerReading(Instant read, long cpuTotalNanos, long memoryBytes, long networkBytes) {
}
