package dev.outpost.stack.cost;

import dev.outpost.stack.cost.store.UsageKind;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The latest figures for one subject, for cards and {@code outpost cost}.
 *
 * @param connections clients connected now; empty where that cannot be told
 * @param idleSince   when it was last active, while it is idle
 * @param stopsAt     when the idle policy will stop it, if nothing happens before
 */
public record LiveFigures(String subject, UsageKind kind, Instant at, double cpuCores, long memoryBytes,
                          OptionalInt connections, Rate rate, Optional<Instant> idleSince, Optional<Instant> stopsAt) {
}
