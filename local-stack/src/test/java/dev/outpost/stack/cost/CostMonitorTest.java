package dev.outpost.stack.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.outpost.profiles.model.InferenceTarget;
import dev.outpost.profiles.model.Metadata;
import dev.outpost.profiles.resolve.Plan;
import dev.outpost.stack.cost.sampling.ContainerReading;
import dev.outpost.stack.cost.sampling.StatsSampler;
import dev.outpost.stack.cost.store.IdleStop;
import dev.outpost.stack.cost.store.UsageKind;
import dev.outpost.stack.cost.store.UsageStore;
import dev.outpost.stack.cost.store.UsageTotal;
import dev.outpost.stack.idle.IdlePolicy;
import dev.outpost.stack.settings.IdleSettings;
import dev.outpost.stack.testing.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor's arithmetic and decisions over counters the test sets; the real engine is in IdleStopIT. */
class CostMonitorTest {
    private static final Intensity GRID = new Intensity(200, "test", Intensity.Origin.CONFIGURED, "test", Instant.EPOCH);
    private static final LaptopPricing PRICING = new LaptopPricing("EUR", 0.30, GRID, CcfCoefficients.LAPTOP,
            Map.of("postgres", 0.05));

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final Map<String, Long> cpuNanos = new ConcurrentHashMap<>();
    private final Map<String, Integer> clients = new ConcurrentHashMap<>();
    private final List<String> stopped = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<MeteredEnvironment> running = new CopyOnWriteArrayList<>();
    private UsageStore store;
    private CostMonitor monitor;

    @BeforeEach
    void setUp() {
        store = UsageStore.open(dir.resolve("usage.db"));
        StatsSampler sampler = new StatsSampler(c -> cpuNanos.containsKey(c)
                ? Optional.of(new ContainerReading(clock.instant(), cpuNanos.get(c), 500_000_000L, 0)) : Optional.empty());
        monitor = new CostMonitor(store, sampler, c -> clients.containsKey(c) ? OptionalInt.of(clients.get(c)) : OptionalInt.empty(),
                () -> List.copyOf(running), env -> {
            stopped.add(env);
            running.removeIf(e -> e.name().equals(env));
        }, () -> PRICING, clock);
        monitor.addListener(new IdleListener() {
            @Override
            public void warned(String subject, Instant stopsAt) {
                events.add("warned " + subject + " " + stopsAt);
            }

            @Override
            public void stopped(IdleStop stop) {
                events.add("stopped " + stop.subject());
            }
        });
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static IdlePolicy policy(Duration stopAfter) {
        return IdlePolicy.of(new Plan.Idle(Optional.of(stopAfter), false, Optional.of(5.0), Optional.empty(),
                Optional.empty()), IdleSettings.DEFAULTS);
    }

    /** Advances the clock by {@code d}, with the container having used {@code cores} over it, then runs a round. */
    private void round(Duration d, double cores) throws InterruptedException {
        clock.advance(d);
        cpuNanos.computeIfPresent("pg", (k, v) -> v + (long) (cores * d.toNanos()));
        monitor.tick();
    }

    @Test
    void figuresFollowCloudCarbonFootprintOverTheSampledInterval() throws Exception {
        cpuNanos.put("pg", 0L);
        clients.put("pg", 1);
        running.add(new MeteredEnvironment("web", List.of("pg"), List.of("pg"), List.of(), true, 0.25,
                List.of("postgres"), policy(Duration.ofMinutes(30))));
        monitor.tick();
        round(Duration.ofHours(1), 0.125);

        // 0.25 vCPU at 50 % utilisation: 0.25 × (0.71 + 0.5 × (4.26 − 0.71)) W; 0.5 GB × 0.392 W/GB; PUE 1.0.
        double watts = 0.25 * (0.71 + 0.5 * (4.26 - 0.71)) + 0.5 * 0.392;
        UsageTotal total = store.totals(Instant.EPOCH, Optional.of("web")).getFirst();
        assertThat(total.kwh()).isCloseTo(watts / 1000, within(1e-9));
        assertThat(total.grams()).isCloseTo(watts / 1000 * 200, within(1e-9));
        assertThat(total.cost()).isCloseTo(watts / 1000 * 0.30 + 0.05, within(1e-9));
        LiveFigures live = monitor.live("web").orElseThrow();
        assertThat(live.rate().watts()).isCloseTo(watts, within(1e-9));
        assertThat(live.cpuCores()).isCloseTo(0.125, within(1e-9));
        // 12.5 % of a core is use already: connections are not counted (an exec in the container) while it is busy.
        assertThat(live.connections()).isEmpty();
        assertThat(live.idleSince()).isEmpty();
    }

    @Test
    void usingMoreThanItRequestsCountsWhatItUsed() throws Exception {
        cpuNanos.put("pg", 0L);
        running.add(new MeteredEnvironment("web", List.of("pg"), List.of(), List.of(), true, 0.25, List.of(),
                policy(Duration.ofMinutes(30))));
        monitor.tick();
        round(Duration.ofHours(1), 2.0);
        double watts = 2.0 * 4.26 + 0.5 * 0.392;
        assertThat(monitor.live("web").orElseThrow().rate().watts()).isCloseTo(watts, within(1e-9));
    }

    @Test
    void anIdleEnvironmentIsWarnedThenStoppedAndTheStopRecordsItsRate() throws Exception {
        cpuNanos.put("pg", 0L);
        clients.put("pg", 0);
        running.add(new MeteredEnvironment("web", List.of("pg"), List.of("pg"), List.of(), true, 0.25,
                List.of("postgres"), policy(Duration.ofMinutes(10))));
        monitor.tick();
        round(Duration.ofMinutes(5), 0.01);
        round(Duration.ofMinutes(4), 0.01);
        assertThat(events).containsExactly("warned web 2026-11-23T10:10:00Z");
        assertThat(stopped).isEmpty();
        round(Duration.ofMinutes(1), 0.01);
        assertThat(stopped).containsExactly("web");
        assertThat(events).last().isEqualTo("stopped web");
        IdleStop stop = store.lastIdleStop("web").orElseThrow();
        assertThat(stop.idleSince()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(stop.costPerHour()).isGreaterThan(0.05);
        assertThat(monitor.live("web")).isEmpty();
    }

    @Test
    void busyCpuOrAClientOrKeepRunningHoldsTheStopOff() throws Exception {
        cpuNanos.put("pg", 0L);
        clients.put("pg", 0);
        running.add(new MeteredEnvironment("web", List.of("pg"), List.of("pg"), List.of(), true, 0, List.of(),
                policy(Duration.ofMinutes(10))));
        monitor.tick();
        round(Duration.ofMinutes(8), 0.5);
        round(Duration.ofMinutes(8), 0.0);
        clients.put("pg", 2);
        round(Duration.ofMinutes(8), 0.0);
        clients.put("pg", 0);
        round(Duration.ofMinutes(9), 0.0);
        monitor.keepRunning("web");
        round(Duration.ofMinutes(9), 0.0);
        assertThat(stopped).isEmpty();
        round(Duration.ofMinutes(1), 0.0);
        assertThat(stopped).containsExactly("web");
    }

    @Test
    void aClusterIsIdleByItsForwardedConnectionsNotItsControlPlanesCpu() throws Exception {
        cpuNanos.put("pg", 0L);
        List<Integer> open = new ArrayList<>(List.of(1));
        monitor.withHostConnections(ports -> ports.equals(List.of(5432)) ? OptionalInt.of(open.getFirst()) : OptionalInt.empty());
        running.add(new MeteredEnvironment("k", List.of("pg"), List.of(), List.of(5432), false, 0, List.of(),
                policy(Duration.ofMinutes(10))));
        monitor.tick();
        round(Duration.ofMinutes(11), 0.4);
        assertThat(stopped).isEmpty();
        open.set(0, 0);
        round(Duration.ofMinutes(1), 0.4);
        round(Duration.ofMinutes(10), 0.4);
        assertThat(stopped).containsExactly("k");
    }

    @Test
    void theRemoteGpuCostsWhileLeasedAndIsReleasedAfterQuietMinutes() throws Exception {
        InferenceTarget l4 = new InferenceTarget("outpost.dev/v1", "InferenceTarget", new Metadata("gke-l4", null, null, null),
                new InferenceTarget.Spec("https://gpu.example", InferenceTarget.Api.OLLAMA, null,
                        new InferenceTarget.Gpu("nvidia-l4", 24, 1), 0.56, 0.22, "europe-west1", null));
        RemoteLease lease = new RemoteLease(clock, () -> Optional.of("gke-l4"));
        monitor.withRemote(new CostMonitor.RemoteSide(lease, () -> Optional.of(l4), () -> false, () -> Duration.ofMinutes(15)));
        monitor.tick();
        assertThat(monitor.live("gke-l4")).isEmpty();

        lease.touched("gke-l4");
        monitor.tick();
        clock.advance(Duration.ofMinutes(10));
        lease.touched("gke-l4");
        monitor.tick();
        clock.advance(Duration.ofMinutes(14));
        monitor.tick();
        assertThat(monitor.live("gke-l4")).get().extracting(LiveFigures::kind).isEqualTo(UsageKind.REMOTE_GPU);
        clock.advance(Duration.ofMinutes(1));
        monitor.tick();

        assertThat(events).containsExactly("stopped gke-l4");
        assertThat(lease.held()).isEmpty();
        UsageTotal leased = store.totals(Instant.EPOCH, Optional.of("gke-l4")).getFirst();
        assertThat(leased.running()).isEqualTo(Duration.ofMinutes(25));
        assertThat(leased.cost()).isCloseTo(0.56 * 25 / 60, within(1e-9));
        Rate rate = RemoteGpuPricing.rate(l4, false, "EUR").orElseThrow();
        assertThat(leased.grams()).isCloseTo(rate.gramsPerHour() * 25 / 60, within(1e-9));
        assertThat(rate.gramsPerHour()).isPositive();
    }

    @Test
    void aLocalModelsGpuDrawIsMeteredAtItsMeasuredPower() throws Exception {
        List<OptionalDouble> draw = new ArrayList<>(List.of(OptionalDouble.of(120)));
        monitor.withLocalGpu(() -> draw.getFirst());
        monitor.tick();
        clock.advance(Duration.ofMinutes(30));
        monitor.tick();
        draw.set(0, OptionalDouble.empty());
        clock.advance(Duration.ofMinutes(30));
        monitor.tick();
        UsageTotal gpu = store.totals(Instant.EPOCH, Optional.of("local models")).getFirst();
        assertThat(gpu.kwh()).isCloseTo(0.06, within(1e-12));
        assertThat(gpu.grams()).isCloseTo(12, within(1e-9));
        assertThat(monitor.live("local models")).isEmpty();
    }
}
