package dev.outpost.stack.environment;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.outpost.profiles.catalog.BuiltInCatalog;
import dev.outpost.profiles.catalog.Catalog;
import dev.outpost.profiles.catalog.CatalogLoader;
import dev.outpost.profiles.credentials.MapTokenStore;
import dev.outpost.profiles.resolve.Plan;
import dev.outpost.profiles.resolve.ResolveOptions;
import dev.outpost.profiles.resolve.Resolver;
import dev.outpost.stack.cost.CcfCoefficients;
import dev.outpost.stack.cost.CostMonitor;
import dev.outpost.stack.cost.IdleListener;
import dev.outpost.stack.cost.Intensity;
import dev.outpost.stack.cost.LaptopPricing;
import dev.outpost.stack.cost.LiveFigures;
import dev.outpost.stack.cost.RunningEnvironments;
import dev.outpost.stack.cost.sampling.DockerContainerStats;
import dev.outpost.stack.cost.sampling.StatsSampler;
import dev.outpost.stack.cost.store.IdleStop;
import dev.outpost.stack.cost.store.UsageStore;
import dev.outpost.stack.cost.store.UsageTotal;
import dev.outpost.stack.docker.DockerClients;
import dev.outpost.stack.docker.DockerEndpointResolver;
import dev.outpost.stack.docker.pull.ImagePuller;
import dev.outpost.stack.docker.pull.RegistryCredentials;
import dev.outpost.stack.idle.ExecConnectionCounter;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.process.LocalProcessRunner;
import dev.outpost.stack.settings.IdleSettings;
import dev.outpost.stack.testing.SettableClock;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The idle policy against the real engine and a real PostgreSQL: a connected client keeps the environment
 * running; once it disconnects the policy warns, then stops the environment (stop, not down: the data stays)
 * and records what that saves. The idle time runs on a clock the test moves, so nothing waits for minutes;
 * the container stats are the engine's own.
 */
@Timeout(300)
class IdleStopIT {
    private static final String ENV = "idle-it";

    @TempDir
    Path tmp;

    private DockerClient docker;
    private EnvironmentEngine engine;
    private Plan plan;
    private final MapTokenStore secrets = new MapTokenStore();

    @BeforeEach
    void setUp() throws Exception {
        TestRegistry registry = TestRegistry.fromEnvironment();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(engineEnvironment());
        env.put("DOCKER_CONFIG", registry.dockerConfig(tmp.resolve("docker"), registry.password()).toString());
        HostEnvironment host = new HostEnvironment(HostEnvironment.current().os(), env, HostEnvironment.current().home());
        docker = DockerClients.create(new DockerEndpointResolver(host).resolve(), Duration.ZERO);
        engine = new EnvironmentEngine(docker, new SecretStore(secrets),
                new PullingImageSource(new ImagePuller(docker), new RegistryCredentials(host, new LocalProcessRunner())), "it");
        Catalog catalog = new CatalogLoader().load(List.of(BuiltInCatalog.layer())).catalog();
        Plan web = new Resolver(catalog, new ResolveOptions(registry.address(), null))
                .resolve(catalog.profile("web-backend").orElseThrow().profile());
        Plan.Service pg = web.service("postgres").orElseThrow();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<Plan.Port> ports = new ArrayList<>();
        for (Plan.Port p : pg.ports()) {
            ports.add(new Plan.Port(p.name(), p.containerPort(), port, p.hostIp(), p.protocol()));
        }
        Plan.Service onFreePort = new Plan.Service(pg.name(), pg.template(), pg.version(), pg.image(), ports, pg.env(),
                pg.command(), pg.args(), pg.volumes(), pg.readiness(), pg.resources(), pg.connection(), pg.dependsOn(),
                pg.gpu(), pg.digest());
        // Rounds here are a fraction of a second apart in real time, not the app's 15 s: the CPU of the exec that
        // counts connections is then a large share of the interval, so this test lets connections decide (the CPU
        // rule is CostMonitorTest's) by allowing a whole core.
        Plan.Idle idle = new Plan.Idle(Optional.of(Duration.ofMinutes(10)), false, Optional.of(100.0), Optional.empty(),
                Optional.empty());
        plan = new Plan(ENV, web.runtime(), List.of(onFreePort), Optional.empty(), Optional.empty(), idle, "idle-it");
        engine.down(ENV, true);
    }

    /** Variables that choose the engine; the Podman variant points DOCKER_HOST at Podman's socket. */
    protected Map<String, String> engineEnvironment() {
        return Map.of();
    }

    @AfterEach
    void tearDown() {
        engine.down(ENV, true);
    }

    @Test
    void aConnectedClientKeepsPostgresRunningAndClosingItLetsThePolicyStopItWithDataKept() throws Exception {
        engine.up(plan, UpOptions.defaults(), (s, step, d) -> {
        });
        int port = plan.services().getFirst().ports().getFirst().hostPort();
        String jdbc = "jdbc:postgresql://127.0.0.1:" + port + "/app";
        String password = secrets.get(SecretStore.account(ENV, "postgres", "password")).orElseThrow();

        SettableClock clock = new SettableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        List<String> events = new CopyOnWriteArrayList<>();
        try (UsageStore store = UsageStore.open(tmp.resolve("usage.db"))) {
            RunningEnvironments running = new RunningEnvironments(
                    () -> engine.list().stream().filter(e -> e.name().equals(ENV)).toList(),
                    name -> Optional.of(plan), () -> IdleSettings.DEFAULTS);
            CostMonitor monitor = new CostMonitor(store, new StatsSampler(new DockerContainerStats(() -> docker, clock)),
                    new ExecConnectionCounter(() -> docker), running, engine::stop, () -> new LaptopPricing("EUR", 0.30,
                    new Intensity(300, "test", Intensity.Origin.CONFIGURED, "test", clock.instant()),
                    CcfCoefficients.LAPTOP, Map.of()), clock);
            monitor.addListener(new IdleListener() {
                @Override
                public void warned(String subject, Instant stopsAt) {
                    events.add("warned " + subject);
                }

                @Override
                public void stopped(IdleStop stop) {
                    events.add("stopped " + stop.subject());
                }
            });

            try (Connection client = DriverManager.getConnection(jdbc, "outpost", password);
                 var s = client.createStatement()) {
                s.execute("create table notes(body text)");
                s.execute("insert into notes values ('kept across an idle stop')");
                monitor.tick();
                for (int i = 0; i < 4; i++) {
                    clock.advance(Duration.ofMinutes(5));
                    monitor.tick();
                }
                // Twenty minutes with a client connected, twice the policy's ten: still running.
                assertThat(engine.status(ENV).state()).isEqualTo("running");
                LiveFigures now = monitor.live(ENV).orElseThrow();
                assertThat(now.connections()).hasValue(1);
                assertThat(now.idleSince()).isEmpty();
                assertThat(now.memoryBytes()).isPositive();
                assertThat(now.rate().watts()).isPositive();
                assertThat(events).isEmpty();
            }

            clock.advance(Duration.ofMinutes(1));
            monitor.tick();
            assertThat(monitor.live(ENV).orElseThrow().connections()).hasValue(0);
            clock.advance(Duration.ofMinutes(9).minusSeconds(30));
            monitor.tick();
            assertThat(events).as("live figures %s", monitor.live(ENV)).containsExactly("warned " + ENV);
            assertThat(engine.status(ENV).state()).isEqualTo("running");

            clock.advance(Duration.ofMinutes(1));
            monitor.tick();
            assertThat(events).containsExactly("warned " + ENV, "stopped " + ENV);
            assertThat(engine.status(ENV).state()).isEqualTo("stopped");

            IdleStop stop = store.lastIdleStop(ENV).orElseThrow();
            assertThat(stop.costPerHour()).isPositive();
            assertThat(stop.gramsPerHour()).isPositive();
            assertThat(stop.resumedAt()).isEmpty();
            UsageTotal total = store.totals(Instant.EPOCH, Optional.of(ENV)).getFirst();
            assertThat(total.kwh()).isPositive();
            assertThat(total.grams()).isCloseTo(total.kwh() * 300, org.assertj.core.api.Assertions.within(1e-9));

            clock.advance(Duration.ofHours(1));
            engine.up(plan, UpOptions.defaults(), (s, step, d) -> {
            });
            monitor.tick();
            assertThat(store.lastIdleStop(ENV).orElseThrow().resumedAt()).contains(clock.instant());
        }
        try (Connection again = DriverManager.getConnection(jdbc, "outpost", password);
             var s = again.createStatement(); var rows = s.executeQuery("select body from notes")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("kept across an idle stop");
        }
    }
}
