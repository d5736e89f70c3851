package dev.outpost.stack.idle;

import dev.outpost.profiles.resolve.Plan;
import dev.outpost.profiles.validation.Durations;
import dev.outpost.stack.settings.IdleSettings;
import java.time.Duration;
import java.util.Optional;

/**
 * The idle policy in force for one environment: the profile's {@code spec.idle} where it speaks, the user's
 * settings for the rest.
 *
 * @param stopAfter    empty: never stop
 * @param cpuThreshold percent of one core at or below which the environment counts as idle
 */
public record IdlePolicy(boolean enabled, Optional<Duration> stopAfter, double cpuThreshold, Duration modelKeepAlive,
                         Duration releaseRemoteAfter, Duration warnBefore) {

    public static IdlePolicy of(Plan.Idle profile, IdleSettings defaults) {
        Optional<Duration> stop = profile.neverStop() ? Optional.empty()
                : profile.stopAfter().or(() -> Durations.parse(defaults.stopAfter()));
        return new IdlePolicy(defaults.enabled(), stop, profile.cpuThreshold().orElse(defaults.cpuThreshold()),
                profile.modelKeepAlive().orElseGet(() -> Durations.parse(defaults.modelKeepAlive()).orElseThrow()),
                profile.releaseRemoteAfter().orElseGet(() -> Durations.parse(defaults.releaseRemoteAfter()).orElseThrow()),
                Durations.parse(defaults.warnBefore()).orElse(Duration.ofMinutes(1)));
    }

    /** When the warning shows: {@code warnBefore} ahead of the stop, but never before half the idle time. */
    public Optional<Duration> warnAfter() {
        return stopAfter.map(s -> {
            Duration w = s.minus(warnBefore);
            Duration half = s.dividedBy(2);
            return w.compareTo(half) < 0 ? half : w;
        });
    }
}
