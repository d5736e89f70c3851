package dev.outpost.stack.cost;

import dev.outpost.stack.cost.Intensity.Origin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the intensity for a zone: a figure the user configured, else Electricity Maps' live figure when a key
 * is set, else the built-in yearly average. A live figure is reused for an hour (the API's resolution is one
 * hour, and the free plan's request budget is small); a failed live call is not retried for five minutes, so a
 * rate limit or an outage costs one request per zone, not one per estimate.
 */
public final class GridIntensitySource {
    static final Duration LIVE_TTL = Duration.ofHours(1);
    static final Duration FAILURE_BACKOFF = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(GridIntensitySource.class);

    private final Optional<ElectricityMapsClient> live;
    private final Clock clock;
    private final Map<String, Double> configured;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Instant fetchedAt, LiveIntensity value) {
        boolean freshAt(Instant now) {
            Duration ttl = value == null ? FAILURE_BACKOFF : LIVE_TTL;
            return now.isBefore(fetchedAt.plus(ttl));
        }
    }

    public GridIntensitySource(Optional<ElectricityMapsClient> live, Clock clock) {
        this(live, clock, Map.of());
    }

    /** @param configured g/kWh the user set per zone or region (upper- or lower-case keys); these always win */
    public GridIntensitySource(Optional<ElectricityMapsClient> live, Clock clock, Map<String, Double> configured) {
        this.live = Objects.requireNonNull(live, "live");
        this.clock = Objects.requireNonNull(clock, "clock");
        Map<String, Double> normalised = new ConcurrentHashMap<>();
        configured.forEach((k, v) -> normalised.put(k.trim().toUpperCase(Locale.ROOT), v));
        this.configured = Map.copyOf(normalised);
    }

    /** The intensity of the grid in an Electricity Maps zone; empty only when nothing at all is known for it. */
    public Optional<Intensity> forZone(String zone) {
        String key = zone.trim().toUpperCase(Locale.ROOT);
        Instant now = clock.instant();
        Optional<Intensity> set = configured(key, now);
        if (set.isPresent()) {
            return set;
        }
        Optional<LiveIntensity> current = liveFigure(key, now);
        if (current.isPresent()) {
            LiveIntensity l = current.get();
            return Optional.of(new Intensity(l.gramsPerKwh(), key, Origin.LIVE, "Electricity Maps live ("
                    + (l.estimated() ? "estimated" : "measured") + ", " + l.emissionFactorType() + ")", l.datetime()));
        }
        return GridIntensity.zoneSource(key).map(s -> yearly(key, s, now));
    }

    /**
     * Google's yearly figure for a Cloud region. Not live: Electricity Maps names grids, not Cloud regions, and
     * Google's own published figure is the one its customers report against.
     */
    public Optional<Intensity> forRegion(String gcpRegion) {
        String key = gcpRegion.trim().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Optional<Intensity> set = configured(key.toUpperCase(Locale.ROOT), now);
        if (set.isPresent()) {
            return set;
        }
        return GridIntensity.regionSource(key).map(s -> yearly(key, s, now));
    }

    private Optional<Intensity> configured(String key, Instant now) {
        return Optional.ofNullable(configured.get(key))
                .map(v -> new Intensity(v, key, Origin.CONFIGURED, "configured by the user", now));
    }

    private Optional<LiveIntensity> liveFigure(String zone, Instant now) {
        if (live.isEmpty()) {
            return Optional.empty();
        }
        Cached hit = cache.get(zone);
        if (hit != null && hit.freshAt(now)) {
            return Optional.ofNullable(hit.value());
        }
        LiveIntensity value = null;
        try {
            value = live.get().latest(zone);
        } catch (ElectricityMapsException e) {
            LOG.info("Using the yearly grid intensity for {}: {} ({})", zone, e.getMessage(), e.reason());
        }
        cache.put(zone, new Cached(now, value));
        return Optional.ofNullable(value);
    }

    private static Intensity yearly(String key, Source s, Instant now) {
        return new Intensity(s.gramsPerKwh(), key, Origin.YEARLY_AVERAGE, s.citation() + " (" + s.year() + " average)",
                now);
    }
}
