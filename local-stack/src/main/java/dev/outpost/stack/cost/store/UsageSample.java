package dev.outpost.stack.cost.store;

import java.time.Duration;
import java.time.Instant;

/**
 * What one consumer used over one sampling interval, already converted to energy, emissions and money.
 *
 * @param subject        the environment's name, or the model server / remote target for GPU kinds
 * @param cpuCoreSeconds CPU time used in the interval, in core-seconds (0 where not measured)
 * @param memoryByteSeconds memory held over the interval, byte-seconds (0 where not measured)
 */
public record UsageSample(String subject, UsageKind kind, Instant at, Duration span, double kwh, double grams,
                          double cost, String currency, double cpuCoreSeconds, double memoryByteSeconds) {
    public UsageSample {
        if (span.isNegative()) {
            throw new IllegalArgumentException("negative span " + span);
        }
    }
}
