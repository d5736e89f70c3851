package dev.outpost.stack.cost;

import dev.outpost.profiles.credentials.TokenStore;
import dev.outpost.profiles.model.Platform;
import dev.outpost.profiles.resolve.Plan;
import dev.outpost.profiles.resolve.ResolveOptions;
import dev.outpost.profiles.validation.Durations;
import dev.outpost.stack.catalog.CatalogService;
import dev.outpost.stack.cost.sampling.DockerContainerStats;
import dev.outpost.stack.cost.sampling.StatsSampler;
import dev.outpost.stack.cost.store.UsageStore;
import dev.outpost.stack.environment.EnvironmentService;
import dev.outpost.stack.idle.ExecConnectionCounter;
import dev.outpost.stack.idle.ProcHostConnections;
import dev.outpost.stack.inference.InferenceService;
import dev.outpost.stack.settings.Settings;
import dev.outpost.stack.settings.SettingsStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds cost and carbon over the engine objects the CLI and the window share. Both are made on first use:
 * most CLI commands never touch the usage store, and opening it loads SQLite's native library.
 */
public final class Metering implements AutoCloseable {
    private final Path storeFile;
    private final EnvironmentService environments;
    private final CatalogService catalog;
    private final SettingsStore settings;
    private final Supplier<TokenStore> tokens;
    private final InferenceService inference;
    private final Clock clock;
    private UsageStore store;
    private CostService service;
    private CostMonitor monitor;
    private RemoteLease lease;
    private java.nio.channels.FileLock meterLock;
    private dev.outpost.stack.inference.OllamaClient ollama;
    private RunningEnvironments running;

    public Metering(Path dataDirectory, EnvironmentService environments, CatalogService catalog, SettingsStore settings,
                    Supplier<TokenStore> tokens, InferenceService inference, Clock clock) {
        this.storeFile = dataDirectory.resolve("usage.db");
        this.environments = environments;
        this.catalog = catalog;
        this.settings = settings;
        this.tokens = tokens;
        this.inference = inference;
        this.clock = clock;
    }

    public Path storeFile() {
        return storeFile;
    }

    public synchronized CostService service() {
        if (service == null) {
            store = UsageStore.open(storeFile);
            service = new CostService(store, this::platform, () -> settings().cost(), tokens, clock);
        }
        return service;
    }

    /** The monitor, built (not started) on first use; the remote lease follows every gateway started after. */
    public synchronized CostMonitor monitor() {
        if (monitor == null) {
            CostService costs = service();
            lease = new RemoteLease(clock, () -> inference.remoteTarget().map(t -> t.name()));
            inference.observeGateways(lease);
            running = new RunningEnvironments(environments::listAll, this::plan, () -> settings().idle());
            monitor = new CostMonitor(store, new StatsSampler(new DockerContainerStats(environments::docker, clock)),
                    new ExecConnectionCounter(environments::docker), running,
                    env -> environments.forEnvironment(env).stop(env), costs::pricing, clock)
                    .withHostConnections(ProcHostConnections.forThisMachine())
                    .withLocalGpu(this::localGpuWatts)
                    .withRemote(new CostMonitor.RemoteSide(lease, inference::remoteTarget, () -> false,
                            () -> running.releaseRemoteAfter().orElseGet(() ->
                                    Durations.parse(settings().idle().releaseRemoteAfter()).orElse(Duration.ofMinutes(15)))));
        }
        return monitor;
    }

    /**
     * Starts the monitor unless another process (the window, {@code outpost monitor}, {@code outpost gateway})
     * already meters this data directory: two monitors would record every minute twice and race to stop the same
     * environment. The lock is the OS's, so a crashed process releases it.
     *
     * @return true when this process now meters, false when another one does
     */
    public synchronized boolean startMonitor() {
        if (meterLock == null) {
            try {
                java.nio.file.Files.createDirectories(storeFile.getParent());
                java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(
                        storeFile.resolveSibling("usage.meter.lock"), java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.WRITE);
                java.nio.channels.FileLock lock = ch.tryLock();
                if (lock == null) {
                    ch.close();
                    return false;
                }
                meterLock = lock;
            } catch (java.io.IOException | java.nio.channels.OverlappingFileLockException e) {
                return false;
            }
        }
        monitor().start(period());
        return true;
    }

    /**
     * The laptop GPU's power draw while the local Ollama has a model loaded: measured (nvidia-smi's power.draw,
     * summed over GPUs), never a TDP guess. nvidia-smi only runs when a model is loaded.
     */
    private java.util.OptionalDouble localGpuWatts() {
        try {
            if (ollama == null) {
                ollama = inference.local();
            }
            if (ollama.ps().isEmpty()) {
                return java.util.OptionalDouble.empty();
            }
            if (inference.gpu() instanceof dev.outpost.stack.gpu.GpuDetection.Nvidia n) {
                double watts = 0;
                boolean any = false;
                for (var g : n.gpus()) {
                    if (g.powerDrawWatts().isPresent()) {
                        watts += g.powerDrawWatts().getAsDouble();
                        any = true;
                    }
                }
                return any ? java.util.OptionalDouble.of(watts) : java.util.OptionalDouble.empty();
            }
            return java.util.OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.OptionalDouble.empty();
        } catch (RuntimeException noOllama) {
            // No local Ollama answering is the common case: nothing loaded, nothing drawn.
            return java.util.OptionalDouble.empty();
        }
    }

    /**
     * Keep-alive for a local model server Outpost starts: the longest that a running environment using models asks
     * for (as of the last metering round), else the settings' value.
     */
    public synchronized Optional<Duration> modelKeepAlive() {
        Optional<Duration> fromProfiles = running == null ? Optional.empty() : running.modelKeepAlive();
        return fromProfiles.or(() -> Durations.parse(settings().idle().modelKeepAlive()));
    }

    /** How often the monitor samples, from the settings. */
    public Duration period() {
        return Duration.ofSeconds(settings().cost().sampleSeconds());
    }

    private Settings settings() {
        try {
            return settings.load().settings();
        } catch (java.io.IOException e) {
            return Settings.defaults();
        }
    }

    private Optional<Platform> platform() {
        try {
            return catalog.load().catalog().platform().map(p -> p.document());
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private Optional<Plan> plan(String environment) {
        try {
            var snapshot = catalog.load();
            if (snapshot.catalog().profile(environment).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(catalog.resolve(snapshot, environment, new ResolveOptions(null, settings().defaultRuntime())));
        } catch (java.io.IOException | RuntimeException e) {
            // A profile that no longer resolves still gets metered, under the settings' idle policy.
            return Optional.empty();
        }
    }

    @Override
    public synchronized void close() {
        if (monitor != null) {
            monitor.close();
        }
        if (ollama != null) {
            ollama.close();
        }
        if (store != null) {
            store.close();
        }
        if (meterLock != null) {
            try {
                meterLock.channel().close();
            } catch (java.io.IOException e) {
                // Closing releases the lock; the OS releases it at exit anyway.
            }
            meterLock = null;
        }
    }
}
