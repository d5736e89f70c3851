package dev.outpost.stack.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.rabbitmq.client.ConnectionFactory;
import dev.outpost.profiles.catalog.BuiltInCatalog;
import dev.outpost.profiles.catalog.Catalog;
import dev.outpost.profiles.catalog.CatalogLoader;
import dev.outpost.profiles.credentials.MapTokenStore;
import dev.outpost.profiles.model.ServiceTemplate;
import dev.outpost.profiles.resolve.Plan;
import dev.outpost.profiles.resolve.ResolveOptions;
import dev.outpost.profiles.resolve.Resolver;
import dev.outpost.stack.docker.DockerClients;
import dev.outpost.stack.docker.pull.ImagePuller;
import dev.outpost.stack.docker.pull.RegistryCredentials;
import dev.outpost.stack.process.LocalProcessRunner;
import dev.outpost.stack.docker.DockerEndpointResolver;
import dev.outpost.stack.platform.HostEnvironment;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container runtime against the real engine, pulling the test images through the real local
 * registry as a company mirror (ci/test-images), and talking to the services over their real protocols.
 */
@Timeout(300)
class EnvironmentEngineIT {
    // Not final: PodmanEnvironmentEngineIT runs the same tests against Podman's Docker-compatible API.
    private static final String ENV = "web-backend";

    @TempDir
    Path tmp;

    private TestRegistry registry;
    private DockerClient docker;
    private EnvironmentEngine engine;
    private Plan plan;
    private final MapTokenStore secrets = new MapTokenStore();

    @BeforeEach
    void setUp() throws Exception {
        registry = TestRegistry.fromEnvironment();
        engine = engine(registry.password());
        Catalog catalog = new CatalogLoader().load(List.of(BuiltInCatalog.layer())).catalog();
        plan = new Resolver(catalog, new ResolveOptions(registry.address(), null))
                .resolve(catalog.profile(ENV).orElseThrow().profile());
        engine.down(ENV, true);
    }

    /** Variables that choose the engine; the Podman variant points DOCKER_HOST at Podman's socket. */
    protected Map<String, String> engineEnvironment() {
        return Map.of();
    }

    private EnvironmentEngine engine(String password) throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(engineEnvironment());
        env.put("DOCKER_CONFIG", registry.dockerConfig(tmp.resolve("docker-" + password.hashCode()), password).toString());
        HostEnvironment host = new HostEnvironment(HostEnvironment.current().os(), env, HostEnvironment.current().home());
        docker = DockerClients.create(new DockerEndpointResolver(host).resolve(), Duration.ZERO);
        return new EnvironmentEngine(docker, new SecretStore(secrets),
                new PullingImageSource(new ImagePuller(docker), new RegistryCredentials(host, new LocalProcessRunner())), "it");
    }

    @AfterEach
    void tearDown() {
        engine.down(ENV, true);
    }

    private List<Container> ours() {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(Labels.ENVIRONMENT, ENV)).exec();
    }

    private String secret(String service) {
        return secrets.get(SecretStore.account(ENV, service, "password")).orElseThrow();
    }

    @Test
    void upGivesWorkingServicesThatReconcileStopStartAndGoDownKeepingData() throws Exception {
        List<String> steps = new CopyOnWriteArrayList<>();
        EnvironmentStatus st = engine.up(plan, UpOptions.defaults(), (s, step, d) -> steps.add(s + ":" + step));
        assertThat(st.state()).isEqualTo("running");
        assertThat(steps).contains("postgres:READY", "redis:READY", "rabbitmq:READY");

        String jdbc = "jdbc:postgresql://127.0.0.1:5432/app";
        try (var c = DriverManager.getConnection(jdbc, "outpost", secret("postgres")); var s = c.createStatement()) {
            s.execute("create table notes(body text)");
            s.execute("insert into notes values ('kept across stop and start')");
        }
        assertThat(redis("AUTH " + secret("redis"), "PING")).isEqualTo("+OK\r\n+PONG\r\n");
        ConnectionFactory amqp = new ConnectionFactory();
        amqp.setUri(engine.connections(plan).get("rabbitmq").get("url"));
        try (var conn = amqp.newConnection(); var ch = conn.createChannel()) {
            assertThat(ch.queueDeclare().getQueue()).startsWith("amq.gen-");
        }

        steps.clear();
        engine.up(plan, UpOptions.defaults(), (s, step, d) -> steps.add(s + ":" + step));
        assertThat(steps).containsExactlyInAnyOrder("postgres:UNCHANGED", "redis:UNCHANGED", "rabbitmq:UNCHANGED");

        assertThat(engine.stop(ENV).state()).isEqualTo("stopped");
        assertThat(engine.up(plan, UpOptions.defaults(), UpListener.NONE).state()).isEqualTo("running");
        try (var c = DriverManager.getConnection(jdbc, "outpost", secret("postgres")); var s = c.createStatement();
             ResultSet rs = s.executeQuery("select body from notes")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kept across stop and start");
        }

        engine.down(ENV, false);
        assertThat(ours()).isEmpty();
        assertThat(volumes()).contains("outpost-web-backend-postgres-data");
        engine.down(ENV, true);
        assertThat(volumes()).isEmpty();
    }

    @Test
    void everyPublishedPortBindsLoopbackOnly() throws Exception {
        engine.up(plan, UpOptions.defaults(), UpListener.NONE);
        List<String> hostIps = new ArrayList<>();
        for (Container c : ours()) {
            docker.inspectContainerCmd(c.getId()).exec().getHostConfig().getPortBindings().getBindings()
                    .values().forEach(bs -> {
                        for (var b : bs) {
                            hostIps.add(b.getHostIp());
                        }
                    });
        }
        assertThat(hostIps).hasSize(4).containsOnly("127.0.0.1");

        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
        try (var follow = engine.followLogs(ENV, "redis", 50, line -> {
            if (line.contains("Ready to accept connections")) {
                ready.countDown();
            }
        })) {
            assertThat(ready.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        assertThat(engine.logs(ENV, "postgres", 5)).isNotEmpty();
    }

    @Test
    void aTakenPortIsRefusedBeforeAnythingStarts() throws Exception {
        try (ServerSocket squatter = new ServerSocket(6379, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> engine.up(plan, UpOptions.defaults(), UpListener.NONE))
                    .isInstanceOf(PortConflictException.class)
                    .hasMessageContaining("redis.redis: 127.0.0.1:6379 is in use by another program; port 6380 is free");
        }
        assertThat(ours()).isEmpty();
        assertThat(volumes()).isEmpty();
    }

    @Test
    void aServiceThatNeverBecomesReadyIsNamedAndEverythingIsRolledBack() throws Exception {
        List<Plan.Service> services = new ArrayList<>(plan.services());
        Plan.Service pg = plan.service("postgres").orElseThrow();
        services.set(services.indexOf(pg), new Plan.Service(pg.name(), pg.template(), pg.version(), pg.image(), pg.ports(),
                pg.env(), pg.command(), pg.args(), pg.volumes(),
                new ServiceTemplate.Readiness(null, null, List.of("false"), null, "2s"), pg.resources(), pg.connection(),
                pg.dependsOn(), pg.gpu(), "broken"));
        Plan broken = new Plan(plan.profile(), plan.runtime(), services, plan.cluster(), plan.inference(),
                plan.idle(), "broken");

        assertThatThrownBy(() -> engine.up(broken, UpOptions.defaults(), UpListener.NONE))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("postgres was not ready after 2 s, waiting for `false` to succeed")
                .hasMessageContaining("Rolled back:");
        assertThat(ours()).isEmpty();
        assertThat(volumes()).isEmpty();
    }

    @Test
    void cancellingAnUpInterruptsItPromptlyAndRollsBack() throws Exception {
        Plan neverReady = withPostgresReadiness(List.of("false"), "120s");
        java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Throwable> outcome = new java.util.concurrent.CompletableFuture<>();
        Thread worker = Thread.ofVirtual().start(() -> {
            try {
                engine.up(neverReady, UpOptions.defaults(), (svc, step, d) -> {
                    if (svc.equals("postgres") && step == UpListener.Step.WAITING) {
                        waiting.countDown();
                    }
                });
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        assertThat(waiting.await(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        worker.interrupt();
        // Well under the 120 s the readiness check would otherwise wait.
        assertThat(outcome.get(60, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(60));
        assertThat(ours()).isEmpty();
        assertThat(volumes()).isEmpty();
    }

    private Plan withPostgresReadiness(List<String> exec, String timeout) {
        List<Plan.Service> services = new ArrayList<>(plan.services());
        Plan.Service pg = plan.service("postgres").orElseThrow();
        services.set(services.indexOf(pg), new Plan.Service(pg.name(), pg.template(), pg.version(), pg.image(), pg.ports(),
                pg.env(), pg.command(), pg.args(), pg.volumes(),
                new ServiceTemplate.Readiness(null, null, exec, null, timeout), pg.resources(), pg.connection(),
                pg.dependsOn(), pg.gpu(), "broken"));
        return new Plan(plan.profile(), plan.runtime(), services, plan.cluster(), plan.inference(), plan.idle(),
                "broken");
    }

    @Test
    void wrongRegistryCredentialsGiveAClearErrorWithoutThePassword() throws Exception {
        for (Plan.Service s : plan.services()) {
            try {
                docker.removeImageCmd(s.image()).withForce(true).exec();
            } catch (RuntimeException notPresent) {
                // already absent: the pulls below must go to the registry either way
            }
        }
        EnvironmentEngine wrong = engine("not-the-password");
        assertThatThrownBy(() -> wrong.up(plan, UpOptions.defaults(), UpListener.NONE))
                .hasMessageMatching("(?s).*registry " + registry.address().replace(".", "\\.")
                        + " refused the credentials for library/.*")
                .hasMessageContaining("Rolled back: nothing was created")
                .hasMessageNotContaining("not-the-password")
                .hasMessageNotContaining(registry.password());
        assertThat(ours()).isEmpty();
    }

    private List<String> volumes() {
        var v = docker.listVolumesCmd().withFilter("label", List.of(Labels.ENVIRONMENT + "=" + ENV)).exec().getVolumes();
        return v == null ? List.of() : v.stream().map(x -> x.getName()).toList();
    }

    private static String redis(String... commands) throws Exception {
        try (Socket s = new Socket("127.0.0.1", 6379)) {
            OutputStream out = s.getOutputStream();
            for (String c : commands) {
                out.write((c + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
            s.setSoTimeout(5000);
            InputStream in = s.getInputStream();
            StringBuilder b = new StringBuilder();
            int lines = 0;
            while (lines < commands.length) {
                int ch = in.read();
                if (ch < 0) {
                    break;
                }
                b.append((char) ch);
                if (ch == '\n') {
                    lines++;
                }
            }
            return b.toString();
        }
    }
}
