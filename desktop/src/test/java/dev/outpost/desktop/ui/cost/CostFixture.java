package dev.outpost.desktop.ui.cost;

import dev.outpost.profiles.credentials.MapTokenStore;
import dev.outpost.stack.cost.CostMonitor;
import dev.outpost.stack.cost.CostService;
import dev.outpost.stack.cost.IdleListener;
import dev.outpost.stack.cost.LiveFigures;
import dev.outpost.stack.cost.MeteredEnvironment;
import dev.outpost.stack.cost.sampling.ContainerReading;
import dev.outpost.stack.cost.sampling.StatsSampler;
import dev.outpost.stack.cost.store.UsageKind;
import dev.outpost.stack.cost.store.UsageSample;
import dev.outpost.stack.cost.store.UsageStore;
import dev.outpost.stack.idle.IdlePolicy;
import dev.outpost.stack.settings.CostSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real usage store in a temporary directory, a cost service over it with a clock the test moves, and (for idle
 * tests) a real monitor over one fake environment whose containers use no CPU and have no clients.
 */
public final class CostFixture implements AutoCloseable {
    /** A clock the test moves; UTC. */
    public static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        public void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    public final MovingClock clock;
    public final UsageStore store;
    public final CostService service;
    public final MapTokenStore tokens = new MapTokenStore();
    /** Environments the monitor's stopper was asked to stop, in order. */
    public final List<String> stopped = new CopyOnWriteArrayList<>();
    /** What a fake meter reports as live; tests put figures here. */
    public final Map<String, LiveFigures> live = new ConcurrentHashMap<>();
    public final List<String> keptRunning = new CopyOnWriteArrayList<>();
    private CostMonitor monitor;

    private CostFixture(Path dir, Instant now) {
        clock = new MovingClock(now);
        store = UsageStore.open(dir.resolve("usage.db"));
        // DE's yearly figure, 0.30 EUR/kWh, no live intensity: no network in tests.
        service = new CostService(store, Optional::empty, () -> new CostSettings("DE", 0.30, false, 15), () -> tokens,
                clock);
    }

    public static CostFixture at(Path dir, Instant now) {
        return new CostFixture(dir, now);
    }

    public void sample(String subject, UsageKind kind, Instant at, Duration span, double kwh, double grams, double cost) {
        store.add(new UsageSample(subject, kind, at, span, kwh, grams, cost, "EUR", 0, 0));
    }

    /**
     * A real monitor over {@code environment}: idle from the first round (no CPU, no clients), stopped after
     * {@code stopAfter}, warned a minute before. Rounds run when the test calls {@link CostMonitor#tick()}.
     */
    public CostMonitor idleMonitor(String environment, Duration stopAfter) {
        IdlePolicy policy = new IdlePolicy(true, Optional.of(stopAfter), 5.0, Duration.ofMinutes(5),
                Duration.ofMinutes(15), Duration.ofMinutes(1));
        MeteredEnvironment env = new MeteredEnvironment(environment, List.of(environment + "-db"),
                List.of(environment + "-db"), List.of(), true, 1.0, List.of(), policy);
        StatsSampler sampler = new StatsSampler(container -> Optional.of(
                new ContainerReading(clock.instant(), 5_000_000_000L, 512L * 1024 * 1024, 4096)));
        monitor = new CostMonitor(store, sampler, container -> OptionalInt.of(0),
                () -> stopped.contains(environment) ? List.of() : List.of(env), stopped::add, service::pricing, clock);
        return monitor;
    }

    /** The meter over {@link #idleMonitor}. */
    public Meter monitorMeter() {
        return Meter.of(service, monitor, ZoneOffset.UTC);
    }

    /** A meter whose live figures are {@link #live} and whose "keep running" is recorded. */
    public Meter fakeMeter() {
        return new Meter() {
            @Override
            public CostService service() {
                return service;
            }

            @Override
            public Map<String, LiveFigures> live() {
                return Map.copyOf(live);
            }

            @Override
            public void keepRunning(String subject) {
                keptRunning.add(subject);
            }

            @Override
            public void addListener(IdleListener listener) {
            }

            @Override
            public ZoneId zone() {
                return ZoneOffset.UTC;
            }
        };
    }

    @Override
    public void close() {
        if (monitor != null) {
            monitor.close();
        }
        store.close();
    }
}
