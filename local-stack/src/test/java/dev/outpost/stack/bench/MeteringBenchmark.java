package dev.outpost.stack.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.outpost.profiles.credentials.MapTokenStore;
import dev.outpost.profiles.credentials.TokenStore;
import dev.outpost.profiles.model.Platform;
import dev.outpost.profiles.resolve.Plan;
import dev.outpost.profiles.resolve.ResolveOptions;
import dev.outpost.stack.catalog.CatalogService;
import dev.outpost.stack.catalog.PlatformService;
import dev.outpost.stack.cost.CostMonitor;
import dev.outpost.stack.cost.CostService;
import dev.outpost.stack.cost.MeteredEnvironment;
import dev.outpost.stack.cost.Metering;
import dev.outpost.stack.cost.RemoteLease;
import dev.outpost.stack.cost.RunningEnvironments;
import dev.outpost.stack.cost.sampling.DockerContainerStats;
import dev.outpost.stack.cost.sampling.StatsSampler;
import dev.outpost.stack.cost.store.UsageKind;
import dev.outpost.stack.cost.store.UsageSample;
import dev.outpost.stack.cost.store.UsageStore;
import dev.outpost.stack.environment.EnvironmentService;
import dev.outpost.stack.environment.ServiceStatus;
import dev.outpost.stack.environment.UpListener;
import dev.outpost.stack.environment.UpOptions;
import dev.outpost.stack.idle.ExecConnectionCounter;
import dev.outpost.stack.idle.ProcHostConnections;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.settings.Settings;
import dev.outpost.stack.settings.SettingsStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What cost and carbon metering costs the app: this JVM's CPU over a fixed wall window (a) with nothing sampling
 * (the idle app, the baseline) and (b) with the cost monitor running at the default period and at an aggressive
 * one, all in the same run, against a real three-service environment (the built-in web-backend services from the
 * test registry) on the real Docker engine. The engine's side (dockerd, containerd and the environment's shims,
 * which run the connection-counting execs) is measured over the same windows from /proc, for information: a stats
 * call or an exec costs the daemon too. A per-round breakdown times each part of a round on its own.
 *
 * <p>The monitor is built from the same objects {@link Metering#monitor()} builds, over a catalog, settings and
 * usage store in a temporary data directory, with two differences that keep the benchmark off other people's
 * containers on a shared engine: the environment list is the engine's full list (same call, same cost) filtered
 * to this benchmark's environment, and the idle stopper stops nothing (the profile's policy is 2 h anyway).
 *
 * <p>Run with {@code mvn -B -Pbench -pl local-stack -am verify -Dtest=MeteringBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NoSuch -Dfailsafe.failIfNoSpecifiedTests=false} once
 * {@code ci/test-images/registry.sh start && ci/test-images/build.sh} have made the images; {@code
 * -Dbench.window.seconds=N} changes the window (60 s by default; the default period gets twice that). Prints its
 * results and writes them to target/bench/metering.txt; nothing is asserted.
 */
class MeteringBenchmark {
    private static final String ENV = "bench-metering";
    private static final long WINDOW_S = Long.getLong("bench.window.seconds", 60);
    private static final Duration FAST_PERIOD = Duration.ofSeconds(2);
    private static final int WARM_UP_ROUNDS = 10;
    private static final int PART_ROUNDS = 20;
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @TempDir
    Path tmp;

    @Test
    void meteringAgainstTheIdleApp() throws Exception {
        Properties reg = new Properties();
        try (var in = Files.newBufferedReader(Path.of(System.getenv().getOrDefault("OUTPOST_TEST_CACHE",
                "/var/cache/outpost-test-registry"), "registry.env"))) {
            reg.load(in);
        }
        String registry = reg.getProperty("OUTPOST_TEST_REGISTRY");
        Path data = Files.createDirectories(tmp.resolve("data"));
        Path config = Files.createDirectories(tmp.resolve("config"));
        Path dockerConfig = Files.createDirectories(tmp.resolve("docker"));
        String auth = Base64.getEncoder().encodeToString((reg.getProperty("OUTPOST_TEST_REGISTRY_USER") + ":"
                + reg.getProperty("OUTPOST_TEST_REGISTRY_PASSWORD")).getBytes(StandardCharsets.UTF_8));
        Files.writeString(dockerConfig.resolve("config.json"), "{\"auths\":{\"" + registry + "\":{\"auth\":\"" + auth + "\"}}}");
        // web-backend's services on their own host ports and under their own name, next to other people's tests.
        Path profiles = Files.createDirectories(data.resolve("local").resolve("profiles").resolve("mine"));
        Files.writeString(profiles.resolve(ENV + ".yaml"), """
                apiVersion: outpost.dev/v1
                kind: Profile
                metadata:
                  name: %s
                  description: web-backend's services, for the metering benchmark.
                  owner: outpost
                spec:
                  runtime: docker
                  services:
                    - use: postgres
                      version: "16"
                      ports: {sql: 45432}
                    - use: redis
                      ports: {redis: 46379}
                    - use: rabbitmq
                      ports: {amqp: 45672, management: 45673}
                  idle:
                    stopAfter: 2h
                """.formatted(ENV));

        // The app's objects, as AppServices.forHost and Metering build them, over the temporary directories.
        HostEnvironment host = HostEnvironment.current().with(Map.of("DOCKER_CONFIG", dockerConfig.toString()));
        TokenStore tokens = new MapTokenStore();
        PlatformService platform = new PlatformService(config, data);
        CatalogService catalog = new CatalogService(data, platform::currentTree, platform::userProfiles);
        SettingsStore settings = new SettingsStore(config.resolve("settings.json"));
        settings.save(Settings.defaults());
        EnvironmentService environments = new EnvironmentService(host, data, () -> tokens, "bench");
        Clock clock = Clock.systemUTC();
        Duration defaultPeriod = Duration.ofSeconds(settings(settings).cost().sampleSeconds());

        var snapshot = catalog.load();
        Plan plan = catalog.resolve(snapshot, ENV, new ResolveOptions(registry, null));
        environments.engine().down(ENV, true); // a previous run's leftovers, if it was killed
        List<String> report = new ArrayList<>();
        try {
            long upStart = System.nanoTime();
            environments.engine().up(plan, UpOptions.defaults(), UpListener.NONE);
            report.add(String.format("environment %s up (pull included) in %.1f s", ENV, (System.nanoTime() - upStart) / 1e9));
            List<String> containers = environments.engine().status(ENV).services().stream()
                    .filter(ServiceStatus::running).map(ServiceStatus::containerId).toList();

            AtomicInteger rounds = new AtomicInteger();
            try (UsageStore store = UsageStore.open(data.resolve("usage.db"))) {
                CostService costs = new CostService(store, () -> platform(catalog), () -> settings(settings).cost(),
                        () -> tokens, clock);
                RunningEnvironments running = new RunningEnvironments(() -> {
                    rounds.incrementAndGet();
                    return environments.listAll().stream().filter(e -> e.name().equals(ENV)).toList();
                }, name -> plan(catalog, settings, name), () -> settings(settings).idle());
                RemoteLease lease = new RemoteLease(clock, Optional::empty);
                CostMonitor monitor = new CostMonitor(store,
                        new StatsSampler(new DockerContainerStats(environments::docker, clock)),
                        new ExecConnectionCounter(environments::docker), running,
                        env -> {
                            throw new IllegalStateException("the benchmark stops no environment");
                        }, costs::pricing, clock)
                        .withHostConnections(ProcHostConnections.forThisMachine())
                        .withRemote(new CostMonitor.RemoteSide(lease, Optional::empty, () -> false,
                                () -> Duration.ofMinutes(15)));
                try {
                    // Warm-up: class loading, SQLite's native library, JIT, the engine client's connections.
                    Cpu firstRound = Cpu.now(containers);
                    monitor.tick();
                    Cpu afterFirst = Cpu.now(containers);
                    for (int i = 1; i < WARM_UP_ROUNDS; i++) {
                        monitor.tick();
                    }
                    report.add(String.format("first round (cold JVM paths, SQLite load, baselines only): %.0f ms CPU",
                            (afterFirst.jvmNanos - firstRound.jvmNanos) / 1e6));

                    // One round at a time, driven here, then each part of a round on its own (same objects, a fresh
                    // sampler, a separate store). Process CPU time moves in 10 ms steps on Linux, so each figure is
                    // the total over PART_ROUNDS calls divided by their number, not a median of single calls.
                    Supplier<List<MeteredEnvironment>> list = running;
                    StatsSampler sampler = new StatsSampler(new DockerContainerStats(environments::docker, clock));
                    sampler.sample(containers);
                    ExecConnectionCounter counter = new ExecConnectionCounter(environments::docker);
                    try (UsageStore scratch = UsageStore.open(tmp.resolve("scratch.db"))) {
                        Instant t = clock.instant();
                        report.add(String.format("per call, mean of %d (3 containers) | JVM CPU | engine CPU | wall",
                                PART_ROUNDS));
                        report.add(part("one whole round (CostMonitor.tick)", containers, monitor::tick));
                        report.add(part("  environment list (engine list, settings, filter)", containers, list::get));
                        report.add(part("    of which EnvironmentService.listAll", containers, environments::listAll));
                        report.add(part("  stats, 3 containers in parallel (StatsSampler)", containers,
                                () -> sampler.sample(containers)));
                        report.add(part("  connection count, 3 execs (ExecConnectionCounter)", containers, () -> {
                            for (String c : containers) {
                                counter.clientConnections(c);
                            }
                        }));
                        report.add(part("  usage store write (UsageStore.add, SQLite)", containers,
                                () -> scratch.add(new UsageSample(ENV, UsageKind.ENVIRONMENT, t, Duration.ofSeconds(15),
                                        1e-6, 1e-3, 1e-4, "EUR", 0.1, 1e8))));
                        report.add(part("  pricing (cached a minute)", containers, costs::pricing));
                    }

                    // The windows: the idle app, the monitor at the default and the aggressive period, idle again.
                    List<Window> windows = new ArrayList<>();
                    windows.add(window("idle, nothing sampling (baseline)", null, monitor, rounds, containers, WINDOW_S));
                    windows.add(window("monitor at the default period (" + defaultPeriod.toSeconds() + " s)", defaultPeriod,
                            monitor, rounds, containers, 2 * WINDOW_S));
                    windows.add(window("monitor at " + FAST_PERIOD.toSeconds() + " s", FAST_PERIOD, monitor, rounds,
                            containers, WINDOW_S));
                    windows.add(window("idle again", null, monitor, rounds, containers, WINDOW_S));
                    double idle = (windows.get(0).jvmPercent() + windows.get(3).jvmPercent()) / 2;
                    double idleEngine = (windows.get(0).enginePercent() + windows.get(3).enginePercent()) / 2;
                    report.add(String.format("%-42s | %6s | %6s | %9s | %6s | %10s | %9s | %15s", "window", "wall",
                            "rounds", "JVM CPU", "over", "JVM / idle", "per round", "engine CPU"));
                    for (Window w : windows) {
                        report.add(String.format("%-42s | %4d s | %6d | %7.3f %% | %s | %10s | %9s | %6.2f %% (%s)",
                                w.name, w.seconds, w.rounds, w.jvmPercent(),
                                w.period == null ? "     —" : String.format("%5.3f", w.jvmPercent() - idle),
                                w.period == null ? "—" : String.format("%.1fx", w.jvmPercent() / idle),
                                w.rounds == 0 ? "—" : String.format("%.0f ms", (w.jvmPercent() - idle) / 100
                                        * w.seconds * 1000 / w.rounds),
                                w.enginePercent(), w.period == null ? "—"
                                        : String.format("+%.2f", w.enginePercent() - idleEngine)));
                    }
                    report.add("CPU in % of one core; \"over\" is the JVM's CPU less the mean of the two idle windows;"
                            + " engine = dockerd + containerd + the environment's shims and their children (execs),"
                            + " informative, the engine is shared");
                } finally {
                    monitor.close();
                }
            }
        } finally {
            environments.engine().down(ENV, true);
        }
        report.forEach(l -> System.out.println("[bench] " + l));
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "metering.txt"), String.join("\n", report) + "\n");
    }

    private static Window window(String name, Duration period, CostMonitor monitor, AtomicInteger rounds,
                                 List<String> containers, long seconds) throws Exception {
        System.gc();
        // Not synchronisation: let the collection's own threads settle before the CPU window opens.
        Thread.sleep(2_000);
        int r0 = rounds.get();
        Cpu start = Cpu.now(containers);
        if (period != null) {
            monitor.start(period);
        }
        // The measurement window itself: process CPU time is read over this much wall time.
        Thread.sleep(seconds * 1_000);
        if (period != null) {
            monitor.close(); // waits for a round in flight (tick and close share the lock), which is counted
        }
        Cpu end = Cpu.now(containers);
        Window w = new Window(name, period, seconds, rounds.get() - r0, start, end);
        System.out.printf(Locale.ROOT, "[bench] %s: JVM %.3f %% of a core, engine %.2f %%, %d rounds%n",
                name, w.jvmPercent(), w.enginePercent(), w.rounds);
        return w;
    }

    private record Window(String name, Duration period, long seconds, int rounds, Cpu start, Cpu end) {
        double jvmPercent() {
            return 100.0 * (end.jvmNanos - start.jvmNanos) / (end.wallNanos - start.wallNanos);
        }

        double enginePercent() {
            return 100.0 * (end.engineTicks - start.engineTicks) / Cpu.TICKS_PER_SECOND
                    / ((end.wallNanos - start.wallNanos) / 1e9);
        }
    }

    /** This JVM's CPU time, and the engine's from /proc (dockerd, containerd, the environment's shims with children). */
    private record Cpu(long wallNanos, long jvmNanos, long engineTicks) {
        static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

        static Cpu now(List<String> containers) throws IOException {
            long ticks = 0;
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    try {
                        String comm = Files.readString(p.resolve("comm")).strip();
                        boolean engine = comm.equals("dockerd") || comm.equals("containerd");
                        if (!engine && comm.startsWith("containerd-shim")) {
                            String cmdline = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                            engine = containers.stream().anyMatch(cmdline::contains);
                        }
                        if (engine) {
                            String stat = Files.readString(p.resolve("stat"));
                            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            // utime, stime, cutime, cstime: fields 14-17, counted from the state field (3)
                            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                        }
                    } catch (IOException | RuntimeException gone) {
                        // a process that ended between the listing and the read
                    }
                }
            }
            return new Cpu(System.nanoTime(), OS.getProcessCpuTime(), ticks);
        }
    }

    interface Part {
        void run() throws Exception;
    }

    /** Mean JVM and engine CPU and wall time of one call over PART_ROUNDS calls, after one call not counted. */
    private static String part(String name, List<String> containers, Part part) throws Exception {
        part.run();
        Cpu start = Cpu.now(containers);
        for (int i = 0; i < PART_ROUNDS; i++) {
            part.run();
        }
        Cpu end = Cpu.now(containers);
        return String.format("%-52s | %6.1f ms | %7.1f ms | %5.0f ms", name,
                (end.jvmNanos - start.jvmNanos) / 1e6 / PART_ROUNDS,
                (end.engineTicks - start.engineTicks) * 1000.0 / Cpu.TICKS_PER_SECOND / PART_ROUNDS,
                (end.wallNanos - start.wallNanos) / 1e6 / PART_ROUNDS);
    }

    // As Metering reads them: settings on every call, the platform and plans from the catalog.
    private static Settings settings(SettingsStore store) {
        try {
            return store.load().settings();
        } catch (IOException e) {
            return Settings.defaults();
        }
    }

    private static Optional<Platform> platform(CatalogService catalog) {
        try {
            return catalog.load().catalog().platform().map(p -> p.document());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Plan> plan(CatalogService catalog, SettingsStore settings, String environment) {
        try {
            var snapshot = catalog.load();
            if (snapshot.catalog().profile(environment).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(catalog.resolve(snapshot, environment, new ResolveOptions(null, settings(settings).defaultRuntime())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
