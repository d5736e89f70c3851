package dev.outpost.stack.cost;

import dev.outpost.profiles.model.InferenceTarget;
import dev.outpost.stack.cost.sampling.StatsSampler;
import dev.outpost.stack.cost.sampling.UsageInterval;
import dev.outpost.stack.cost.store.IdleStop;
import dev.outpost.stack.cost.store.UsageKind;
import dev.outpost.stack.cost.store.UsageSample;
import dev.outpost.stack.cost.store.UsageStore;
import dev.outpost.stack.idle.ConnectionCounter;
import dev.outpost.stack.idle.HostConnections;
import dev.outpost.stack.idle.IdleClock;
import dev.outpost.stack.idle.IdlePolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meters what runs and applies the idle policy, one round per sampling period: reads every running
 * environment's containers, turns the interval into energy, emissions and money, records them, and decides
 * whether each environment is idle (no client connection and CPU at or below the threshold). An environment
 * idle for its policy's time is warned about, then stopped (never removed: its data stays), and the stop is
 * recorded with the rate it ran at, which is what it saves while it stays stopped. The remote GPU's lease and
 * a local model's GPU draw are metered in the same round.
 */
public final class CostMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CostMonitor.class);

    /** Stops an environment, keeping its data. */
    public interface Stopper {
        void stop(String environment) throws Exception;
    }

    /** The remote target whose lease is metered, and the policy that releases it. */
    public record RemoteSide(RemoteLease lease, Supplier<Optional<InferenceTarget>> target, Supplier<Boolean> spot,
                             Supplier<Duration> releaseAfter) {
    }

    private final UsageStore store;
    private final StatsSampler sampler;
    private final ConnectionCounter connections;
    private HostConnections hostConnections = ports -> OptionalInt.empty();
    private final Supplier<List<MeteredEnvironment>> environments;
    private final Stopper stopper;
    private final Supplier<LaptopPricing> pricing;
    private final Clock clock;
    private final Map<String, StatsSampler> samplers = new HashMap<>();
    private final Map<String, IdleClock> clocks = new HashMap<>();
    private final Map<String, LiveFigures> live = new ConcurrentHashMap<>();
    private final List<IdleListener> listeners = new CopyOnWriteArrayList<>();
    private Optional<RemoteSide> remote = Optional.empty();
    private Supplier<OptionalDouble> localGpuWatts = OptionalDouble::empty;
    private Instant lastRemoteTick;
    private Instant lastGpuTick;
    private ScheduledExecutorService scheduler;
    private volatile String lastFailure;

    public CostMonitor(UsageStore store, StatsSampler sampler, ConnectionCounter connections,
                       Supplier<List<MeteredEnvironment>> environments, Stopper stopper,
                       Supplier<LaptopPricing> pricing, Clock clock) {
        this.store = store;
        this.sampler = sampler;
        this.connections = connections;
        this.environments = environments;
        this.stopper = stopper;
        this.pricing = pricing;
        this.clock = clock;
    }

    public CostMonitor withHostConnections(HostConnections counter) {
        this.hostConnections = counter;
        return this;
    }

    public CostMonitor withRemote(RemoteSide side) {
        this.remote = Optional.of(side);
        return this;
    }

    /** @param watts the laptop GPU's power draw while a local model is loaded; empty when none is */
    public CostMonitor withLocalGpu(Supplier<OptionalDouble> watts) {
        this.localGpuWatts = watts;
        return this;
    }

    public void addListener(IdleListener l) {
        listeners.add(l);
    }

    public void removeListener(IdleListener l) {
        listeners.remove(l);
    }

    /** Starts sampling every {@code period} on one daemon thread; the first round runs at once. */
    public synchronized void start(Duration period) {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("outpost-meter").factory());
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // An engine that stops answering for a round must not end metering for the session, nor fill
                // the log every 15 s while it stays down: the same failure is logged once.
                String message = String.valueOf(e.getMessage());
                if (message.equals(lastFailure)) {
                    LOG.debug("Metering round failed again: {}", message);
                } else {
                    LOG.warn("Metering round failed: {}", message);
                }
                lastFailure = message;
                return;
            }
            lastFailure = null;
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Latest figures per subject (environments, the remote GPU, local models). */
    public Map<String, LiveFigures> live() {
        return Map.copyOf(live);
    }

    public Optional<LiveFigures> live(String subject) {
        return Optional.ofNullable(live.get(subject));
    }

    /** "Keep running": the environment's idle time starts again, for its whole period. */
    public synchronized void keepRunning(String subject) {
        IdleClock c = clocks.get(subject);
        if (c != null) {
            c.keepRunning(clock.instant());
        }
    }

    /** One round. Public so tests and {@code outpost monitor --once} drive it without a timer. */
    public synchronized void tick() throws InterruptedException {
        Instant now = clock.instant();
        LaptopPricing price = pricing.get();
        List<MeteredEnvironment> running = environments.get();
        Map<String, MeteredEnvironment> byName = new HashMap<>();
        running.forEach(e -> byName.put(e.name(), e));
        samplers.keySet().retainAll(byName.keySet());
        clocks.keySet().retainAll(byName.keySet());
        live.entrySet().removeIf(e -> e.getValue().kind() == UsageKind.ENVIRONMENT && !byName.containsKey(e.getKey()));
        for (MeteredEnvironment env : running) {
            if (!clocks.containsKey(env.name())) {
                clocks.put(env.name(), new IdleClock(now));
                store.resumed(env.name(), now);
            }
            meter(env, price, now);
        }
        remote.ifPresent(side -> meterRemote(side, price.currency(), now));
        meterLocalGpu(price, now);
    }

    private void meter(MeteredEnvironment env, LaptopPricing price, Instant now) throws InterruptedException {
        StatsSampler s = samplers.computeIfAbsent(env.name(), n -> sampler.fresh());
        Optional<UsageInterval> usage = s.sample(env.containers());
        IdleClock idle = clocks.get(env.name());
        boolean busyCpu = usage.isPresent() && env.cpuCountsAsUse()
                && usage.get().cpuCores() * 100 > env.policy().cpuThreshold();
        // Counting connections starts a process in each container (most of a round's cost, and the engine's):
        // skipped when the answer cannot change anything, because the CPU already says it is in use or no
        // policy would stop it.
        boolean mayStop = env.policy().enabled() && env.policy().stopAfter().isPresent();
        OptionalInt clients = busyCpu || !mayStop ? OptionalInt.empty()
                : env.clientFacing().isEmpty() ? hostConnections.established(env.hostPorts()) : count(env.clientFacing());
        if (usage.isEmpty()) {
            // The first reading only sets the baseline: no interval, no idle decision yet.
            live.put(env.name(), new LiveFigures(env.name(), UsageKind.ENVIRONMENT, now, 0, 0, clients,
                    Rate.zero(price.currency()), Optional.empty(), idle.stopsAt(env.policy())));
            return;
        }
        UsageInterval u = usage.get();
        Figures f = EnvironmentPower.figures(u, env.requestedCpus(), env.templates(), price);
        store.add(new UsageSample(env.name(), UsageKind.ENVIRONMENT, u.end().minus(u.span()), u.span(), f.kwh(),
                f.grams(), f.cost(), f.currency(), u.cpuCores() * u.span().toNanos() / 1e9,
                u.memoryBytes() * (u.span().toNanos() / 1e9)));
        boolean active = busyCpu || (clients.isPresent() ? clients.getAsInt() > 0 : u.networkBytes() > 0);
        IdleClock.Step step = idle.observe(now, active, env.policy());
        Rate rate = f.rate();
        live.put(env.name(), new LiveFigures(env.name(), UsageKind.ENVIRONMENT, now, u.cpuCores(), u.memoryBytes(),
                clients, rate, active ? Optional.empty() : Optional.of(idle.idleSince()), idle.stopsAt(env.policy())));
        switch (step) {
            case WARN -> idle.stopsAt(env.policy()).ifPresent(at -> listeners.forEach(l -> l.warned(env.name(), at)));
            case STOP -> stopIdle(env, idle, rate, now);
            default -> {
            }
        }
    }

    private void stopIdle(MeteredEnvironment env, IdleClock idle, Rate rate, Instant now) {
        try {
            stopper.stop(env.name());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("Idle stop of {} failed: {}", env.name(), e.getMessage());
            listeners.forEach(l -> l.stopFailed(env.name(), e));
            return;
        }
        IdleStop stop = store.recordIdleStop(env.name(), UsageKind.ENVIRONMENT, now, idle.idleSince(),
                rate.costPerHour(), rate.gramsPerHour(), rate.kwhPerHour(), rate.currency());
        clocks.remove(env.name());
        samplers.remove(env.name());
        live.remove(env.name());
        LOG.info("Stopped {} after {} idle", env.name(), Duration.between(idle.idleSince(), now));
        listeners.forEach(l -> l.stopped(stop));
    }

    private OptionalInt count(List<String> containers) throws InterruptedException {
        if (containers.isEmpty()) {
            return OptionalInt.empty();
        }
        int total = 0;
        for (String c : containers) {
            OptionalInt n = connections.clientConnections(c);
            if (n.isEmpty()) {
                return OptionalInt.empty();
            }
            total += n.getAsInt();
        }
        return OptionalInt.of(total);
    }

    private void meterRemote(RemoteSide side, String currency, Instant now) {
        Optional<RemoteLease.Held> held = side.lease().held();
        // The target comes from the catalog: looked up only while a lease is held, not every round.
        Optional<InferenceTarget> target = held.isEmpty() ? Optional.empty() : side.target().get();
        if (held.isEmpty() || target.isEmpty() || !target.get().name().equals(held.get().target())) {
            lastRemoteTick = null;
            live.entrySet().removeIf(e -> e.getValue().kind() == UsageKind.REMOTE_GPU);
            return;
        }
        String subject = held.get().target();
        Rate rate = RemoteGpuPricing.rate(target.get(), side.spot().get(), currency).orElse(Rate.zero(currency));
        Instant from = lastRemoteTick == null || lastRemoteTick.isBefore(held.get().since()) ? held.get().since() : lastRemoteTick;
        Duration span = Duration.between(from, now);
        lastRemoteTick = now;
        double hours = span.toNanos() / 3.6e12;
        if (hours > 0) {
            store.add(new UsageSample(subject, UsageKind.REMOTE_GPU, from, span, rate.kwhPerHour() * hours,
                    rate.gramsPerHour() * hours, rate.costPerHour() * hours, currency, 0, 0));
        }
        Instant releaseAt = held.get().lastRequest().plus(side.releaseAfter().get());
        live.put(subject, new LiveFigures(subject, UsageKind.REMOTE_GPU, now, 0, 0, OptionalInt.empty(), rate,
                Optional.of(held.get().lastRequest()), Optional.of(releaseAt)));
        if (!now.isBefore(releaseAt) && side.lease().release(held.get())) {
            IdleStop stop = store.recordIdleStop(subject, UsageKind.REMOTE_GPU, now, held.get().lastRequest(),
                    rate.costPerHour(), rate.gramsPerHour(), rate.kwhPerHour(), currency);
            live.remove(subject);
            lastRemoteTick = null;
            listeners.forEach(l -> l.stopped(stop));
        }
    }

    private void meterLocalGpu(LaptopPricing price, Instant now) {
        OptionalDouble watts = localGpuWatts.get();
        String subject = "local models";
        if (watts.isEmpty()) {
            lastGpuTick = null;
            live.remove(subject);
            return;
        }
        Instant from = lastGpuTick == null ? now : lastGpuTick;
        lastGpuTick = now;
        Duration span = Duration.between(from, now);
        double kwh = watts.getAsDouble() * price.coefficients().pue() * span.toNanos() / 3.6e12 / 1000;
        Figures f = new Figures(span, kwh, CcfMethod.grams(kwh, price.intensity().gramsPerKwh()),
                kwh * price.electricityPerKwh(), price.currency());
        if (!span.isZero()) {
            store.add(new UsageSample(subject, UsageKind.LOCAL_GPU, from, span, f.kwh(), f.grams(), f.cost(),
                    f.currency(), 0, 0));
        }
        double perHourKwh = watts.getAsDouble() * price.coefficients().pue() / 1000;
        live.put(subject, new LiveFigures(subject, UsageKind.LOCAL_GPU, now, 0, 0, OptionalInt.empty(),
                new Rate(watts.getAsDouble(), perHourKwh * price.electricityPerKwh(),
                        CcfMethod.grams(perHourKwh, price.intensity().gramsPerKwh()), price.currency()),
                Optional.empty(), Optional.empty()));
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
