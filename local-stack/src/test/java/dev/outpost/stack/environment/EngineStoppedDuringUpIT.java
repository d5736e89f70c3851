package dev.outpost.stack.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.profiles.catalog.BuiltInCatalog;
import dev.outpost.profiles.catalog.Catalog;
import dev.outpost.profiles.catalog.CatalogLoader;
import dev.outpost.profiles.credentials.MapTokenStore;
import dev.outpost.profiles.resolve.Plan;
import dev.outpost.profiles.resolve.ResolveOptions;
import dev.outpost.profiles.resolve.Resolver;
import dev.outpost.stack.docker.DockerClients;
import dev.outpost.stack.docker.DockerEndpointResolver;
import dev.outpost.stack.docker.pull.ImagePuller;
import dev.outpost.stack.docker.pull.RegistryCredentials;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.process.Command;
import dev.outpost.stack.process.LocalProcessRunner;
import dev.outpost.stack.process.OutputListener;
import dev.outpost.stack.process.RunningProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine goes away in the middle of an `up` (here: a Podman service of the test's own, stopped while
 * services wait for readiness): a clear error, and a later `up` completes.
 */
@Timeout(300)
class EngineStoppedDuringUpIT {
    @TempDir
    Path tmp;

    private final LocalProcessRunner runner = new LocalProcessRunner();

    private RunningProcess startService(Path socket) throws Exception {
        RunningProcess p = runner.start(Command.of("podman", "system", "service", "--time=0", "unix://" + socket)
                .withTimeout(Duration.ofMinutes(5)), OutputListener.NONE);
        // The socket file appears when the service listens; bounded, and fails fast if podman exits.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!java.nio.file.Files.exists(socket)) {
            assertThat(p.isAlive()).as("podman system service is running").isTrue();
            assertThat(System.nanoTime()).as("socket %s within 20 s", socket).isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return p;
    }

    @Test
    void aClearErrorAndALaterUpCompletes() throws Exception {
        TestRegistry registry = TestRegistry.fromEnvironment();
        Path socket = tmp.resolve("podman.sock");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("DOCKER_HOST", "unix://" + socket);
        env.put("DOCKER_CONFIG", registry.dockerConfig(tmp.resolve("docker"), registry.password()).toString());
        HostEnvironment host = new HostEnvironment(HostEnvironment.current().os(), env, HostEnvironment.current().home());
        Catalog catalog = new CatalogLoader().load(List.of(BuiltInCatalog.layer())).catalog();
        Plan plan = new Resolver(catalog, new ResolveOptions(registry.address(), null))
                .resolve(catalog.profile("web-backend").orElseThrow().profile());
        MapTokenStore secrets = new MapTokenStore();

        RunningProcess service = startService(socket);
        var docker = DockerClients.create(new DockerEndpointResolver(host).resolve(), Duration.ZERO);
        EnvironmentEngine engine = new EnvironmentEngine(docker, new SecretStore(secrets),
                new PullingImageSource(new ImagePuller(docker), new RegistryCredentials(host, runner)), "it");
        engine.down("web-backend", true);
        UpListener stopEngineWhenWaiting = (svc, step, d) -> {
            if (step == UpListener.Step.WAITING && svc.equals("rabbitmq")) {
                service.cancel();
                service.completion().handle((r, e) -> null).join();
            }
        };
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                () -> engine.up(plan, UpOptions.defaults(), stopEngineWhenWaiting));

        RunningProcess again = startService(socket);
        try {
            var docker2 = DockerClients.create(new DockerEndpointResolver(host).resolve(), Duration.ZERO);
            EnvironmentEngine engine2 = new EnvironmentEngine(docker2, new SecretStore(secrets),
                    new PullingImageSource(new ImagePuller(docker2), new RegistryCredentials(host, runner)), "it");
            try {
                assertThat(failure).isInstanceOf(EnvironmentException.class)
                        .hasMessageContaining("The container engine stopped answering during the up of web-backend");
                assertThat(engine2.up(plan, UpOptions.defaults(), UpListener.NONE).state()).isEqualTo("running");
            } finally {
                // Whatever happened, nothing of this test may hold the ports the next tests use.
                engine2.down("web-backend", true);
            }
        } finally {
            again.cancel();
        }
    }
}
