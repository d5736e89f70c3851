package dev.outpost.stack.cost;

import dev.outpost.profiles.credentials.TokenStore;
import dev.outpost.profiles.model.InferenceTarget;
import dev.outpost.profiles.model.Platform;
import dev.outpost.stack.cost.store.IdleStop;
import dev.outpost.stack.cost.store.UsageStore;
import dev.outpost.stack.settings.CostSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Cost and carbon for the CLI and the window: the laptop's pricing (the user's settings over the platform's
 * figures), the remote target's rate before it is used, and reports over the usage store. The monitor that
 * fills the store is built beside it (see {@link CostMonitor}); a CLI without one still reads the history.
 */
public final class CostService {
    /** Token-store account of the Electricity Maps API key. */
    public static final String ELECTRICITY_MAPS_ACCOUNT = "electricitymaps";
    private static final Duration PRICING_TTL = Duration.ofMinutes(1);
    private static final String WORLD = "WORLD";

    private final UsageStore store;
    private final Supplier<Optional<Platform>> platform;
    private final Supplier<CostSettings> settings;
    private final Supplier<TokenStore> tokens;
    private final Clock clock;
    private GridIntensitySource grid;
    private String gridKey;
    private LaptopPricing pricing;
    private Instant pricedAt;

    public CostService(UsageStore store, Supplier<Optional<Platform>> platform, Supplier<CostSettings> settings,
                       Supplier<TokenStore> tokens, Clock clock) {
        this.store = store;
        this.platform = platform;
        this.settings = settings;
        this.tokens = tokens;
        this.clock = clock;
    }

    public UsageStore store() {
        return store;
    }

    public Clock clock() {
        return clock;
    }

    /** The laptop's pricing now; looked up at most once a minute, since the monitor asks every round. */
    public synchronized LaptopPricing pricing() {
        Instant now = clock.instant();
        if (pricing == null || !now.isBefore(pricedAt.plus(PRICING_TTL))) {
            pricing = computePricing();
            pricedAt = now;
        }
        return pricing;
    }

    /** Forgets the cached pricing: settings or the platform changed. */
    public synchronized void invalidate() {
        pricing = null;
    }

    private LaptopPricing computePricing() {
        CostSettings s = settings.get();
        Optional<Platform.Spec> spec = platform.get().map(Platform::spec);
        String currency = spec.map(Platform.Spec::currency).filter(c -> !c.isBlank()).orElse("EUR");
        double electricity = s.electricityPerKwh() != null ? s.electricityPerKwh()
                : spec.map(Platform.Spec::electricityPerKwh).orElse(0.0);
        Map<String, Double> charges = spec.map(Platform.Spec::serviceCostPerHour).orElse(Map.of());
        return new LaptopPricing(currency, electricity, laptopIntensity(s, spec), CcfCoefficients.LAPTOP,
                charges == null ? Map.of() : charges);
    }

    /** The user's zone (live or yearly), else the platform's figure, else the world average. */
    private Intensity laptopIntensity(CostSettings s, Optional<Platform.Spec> spec) {
        if (s.laptopZone() != null) {
            Optional<Intensity> zone = grid(s).forZone(s.laptopZone());
            if (zone.isPresent()) {
                return zone.get();
            }
        }
        Optional<Double> platformFigure = spec.map(Platform.Spec::laptopCarbonIntensity);
        if (platformFigure.isPresent()) {
            return new Intensity(platformFigure.get(), "platform", Intensity.Origin.CONFIGURED,
                    "the platform's laptopCarbonIntensity", clock.instant());
        }
        return grid(s).forZone(WORLD).orElseThrow();
    }

    private synchronized GridIntensitySource grid(CostSettings s) {
        Optional<String> key = s.liveIntensity() ? tokens.get().get(ELECTRICITY_MAPS_ACCOUNT) : Optional.empty();
        String fingerprint = key.map(k -> Integer.toHexString(k.hashCode())).orElse("");
        if (grid == null || !fingerprint.equals(gridKey)) {
            grid = new GridIntensitySource(key.map(ElectricityMapsClient::new), clock);
            gridKey = fingerprint;
        }
        return grid;
    }

    /** The remote target's figures per hour, for the offload toggle before it flips. */
    public Optional<Rate> targetRate(InferenceTarget target, boolean spot) {
        return RemoteGpuPricing.rate(target, spot, pricing().currency());
    }

    /** Totals, days and idle stops since {@code since}, for one subject or all; {@code running} from the monitor. */
    public CostReport report(Optional<String> subject, Instant since, ZoneId zone, List<LiveFigures> running) {
        Instant now = clock.instant();
        LaptopPricing p = pricing();
        List<IdleStop> stops = store.idleStops(since, subject);
        double savedCost = stops.stream().mapToDouble(st -> st.savedCost(now)).sum();
        double savedGrams = stops.stream().mapToDouble(st -> st.savedGrams(now)).sum();
        List<LiveFigures> live = running.stream().filter(f -> subject.isEmpty() || subject.get().equals(f.subject()))
                .sorted(Comparator.comparing(LiveFigures::subject)).toList();
        return new CostReport(since, now, p.currency(), p.intensity(), store.totals(since, subject),
                store.daily(since, zone, subject), live, stops, savedCost, savedGrams);
    }
}
