package dev.outpost.stack.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.outpost.stack.docker.EngineAttempt.Failure;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.platform.OperatingSystem;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against fake engines on real sockets in a temp dir; no daemon needed. */
class EngineProbeTest {
    private static final Duration SHORT = Duration.ofMillis(500);

    @TempDir
    Path tmp;
    Path home;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(tmp.resolve("h"));
    }

    private EngineProbe probe(Map<String, String> vars) {
        HostEnvironment env = new HostEnvironment(OperatingSystem.LINUX, vars, home);
        // Only sockets under the temp dir count, so the machine's own engine never joins in.
        return new EngineProbe(new DockerEndpointResolver(env, p -> p.startsWith(tmp) && Files.exists(p)), SHORT);
    }

    private Path socket(String relativeToHome) throws IOException {
        Path p = home.resolve(relativeToHome);
        Files.createDirectories(p.getParent());
        return p;
    }

    @Test
    void aMissingSocketIsListedAsTheOnlyAttempt() {
        Path missing = tmp.resolve("missing.sock");

        EngineUnavailableException e = catchThrowableOfType(EngineUnavailableException.class,
                () -> probe(Map.of("DOCKER_HOST", "unix://" + missing)).probe());

        assertThat(e.attempts()).singleElement().satisfies(a -> {
            assertThat(a.endpoint().socketPath()).contains(missing);
            assertThat(a.failure()).isEqualTo(Failure.NO_SUCH_FILE);
        });
        assertThat(e.getMessage()).isEqualTo("No container engine answered.\nTried:\n  - unix://" + missing
                + " (DOCKER_HOST): no such file");
        assertThat(e.nothingListening()).isTrue();
    }

    @Test
    void everyFailedAttemptIsListedInOrderBeforeTheEngineThatAnswers() throws Exception {
        Path stale = socket(".docker/desktop/docker.sock");
        try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(UnixDomainSocketAddress.of(stale)); // closed again: the file stays, nobody listens
        }
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (FakeEngine _ = FakeEngine.silentOnUnixSocket(socket(".colima/default/docker.sock"));
             FakeEngine orb = FakeEngine.onUnixSocket(socket(".orbstack/run/docker.sock"),
                     FakeEngine.docker("27.3.1", "/var/lib/docker"))) {

            EngineInfo info = probe(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + closedPort)).probe();

            assertThat(info.endpoint().origin()).isEqualTo("OrbStack");
            assertThat(info.failedBefore()).extracting(EngineAttempt::failure)
                    .containsExactly(Failure.CONNECTION_REFUSED, Failure.CONNECTION_REFUSED, Failure.TIMED_OUT);
            assertThat(info.failedBefore()).extracting(a -> a.endpoint().origin())
                    .containsExactly("DOCKER_HOST", "Docker Desktop (Linux)", "Colima");
            assertThat(info.failedBefore().get(2).describe()).endsWith("Colima): no answer in time (after 500 ms)");
            assertThat(orb.hits("/_ping")).isEqualTo(1);
        }
    }

    @Test
    void aDockerEngineIsDescribed() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("docker-root"));
        try (FakeEngine _ = FakeEngine.onUnixSocket(tmp.resolve("d.sock"), FakeEngine.docker("24.0.7", root.toString()))) {

            EngineInfo info = probe(Map.of("DOCKER_HOST", "unix://" + tmp.resolve("d.sock"))).probe();

            assertThat(info.kind()).isEqualTo(EngineKind.DOCKER);
            assertThat(info.serverVersion()).isEqualTo("24.0.7");
            assertThat(info.apiVersion()).isEqualTo("1.43");
            assertThat(info.operatingSystem()).isEqualTo("Ubuntu 22.04.3 LTS");
            assertThat(info.platform()).isEqualTo("linux/amd64");
            assertThat(info.cgroupDriver()).isEqualTo("systemd");
            assertThat(info.cgroupVersion()).contains("2");
            assertThat(info.rootDir()).isEqualTo(root.toString());
            // Other processes write to the same disk meanwhile: the two readings agree, not to the byte.
            assertThat(info.freeDiskBytes()).isPresent();
            assertThat(info.freeDiskBytes().getAsLong())
                    .isCloseTo(Files.getFileStore(root).getUsableSpace(), org.assertj.core.api.Assertions.within(1L << 30));
            assertThat(info.containersRunning()).isEqualTo(2);
            assertThat(info.containersTotal()).isEqualTo(5);
            assertThat(info.images()).isEqualTo(7);
            assertThat(info.failedBefore()).isEmpty();
            assertThat(info.product()).isEmpty();
        }
    }

    @Test
    void podmanIsRecognisedByItsVersionComponent() throws Exception {
        Path sock = socket("run/podman.sock");
        try (FakeEngine _ = FakeEngine.onUnixSocket(sock, FakeEngine.podman("4.3.1", "/var/lib/containers/storage"))) {

            EngineInfo info = probe(Map.of("DOCKER_HOST", "unix://" + sock)).probe();

            assertThat(info.kind()).isEqualTo(EngineKind.PODMAN);
            assertThat(info.serverVersion()).isEqualTo("4.3.1");
            assertThat(info.product()).contains(Product.PODMAN);
        }
    }

    @Test
    void aDockerVersionWithoutPodmanNamesIsDocker() throws Exception {
        Map<String, FakeEngine.Reply> replies = new HashMap<>(FakeEngine.podman("4.3.1", "/x"));
        replies.putAll(Map.of("/version", FakeEngine.docker("4.3.1", "/x").get("/version")));
        Path sock = socket("e.sock");
        try (FakeEngine _ = FakeEngine.onUnixSocket(sock, replies)) {
            // Only the OS string is left to give Podman away, and it does not here.
            assertThat(probe(Map.of("DOCKER_HOST", "unix://" + sock)).probe().kind()).isEqualTo(EngineKind.DOCKER);
        }
    }

    @Test
    void anEngineBehindAVmGetsNoLocalFreeDisk() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        try (FakeEngine _ = FakeEngine.onUnixSocket(socket(".colima/default/docker.sock"),
                FakeEngine.docker("27.3.1", root.toString()))) {

            // Not the default socket: that one may hold this machine's real engine.
            EngineInfo info = probe(Map.of("DOCKER_HOST", "unix://" + tmp.resolve("none.sock"))).probe();

            assertThat(info.endpoint().product()).contains(Product.COLIMA);
            assertThat(info.freeDiskBytes()).isEmpty();
            assertThat(info.failedBefore()).extracting(a -> a.endpoint().origin()).containsExactly("DOCKER_HOST");
        }
    }

    @Test
    void aTcpEngineGetsNoLocalFreeDisk() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        try (FakeEngine engine = FakeEngine.onTcp(FakeEngine.docker("27.3.1", root.toString()))) {

            EngineInfo info = probe(Map.of("DOCKER_HOST", engine.tcpAddress())).probe();

            assertThat(info.serverVersion()).isEqualTo("27.3.1");
            assertThat(info.freeDiskBytes()).isEmpty();
        }
    }

    @Test
    void anEngineAnsweringWithAnErrorIsReported() throws Exception {
        Path sock = socket("e.sock");
        try (FakeEngine _ = FakeEngine.onUnixSocket(sock,
                Map.of("/_ping", new FakeEngine.Reply(500, "{\"message\":\"daemon is shutting down\"}")))) {

            EngineUnavailableException e = catchThrowableOfType(EngineUnavailableException.class,
                    () -> probe(Map.of("DOCKER_HOST", "unix://" + sock)).probe());

            assertThat(e.attempts()).singleElement().satisfies(a -> {
                assertThat(a.failure()).isEqualTo(Failure.ENGINE_ERROR);
                assertThat(a.detail()).contains("daemon is shutting down");
            });
            assertThat(e.nothingListening()).isFalse();
        }
    }

    @Test
    void anEngineThatPingsButHangsOnInfoIsGivenUpOn() throws Exception {
        Map<String, FakeEngine.Reply> replies = new HashMap<>(FakeEngine.docker("24.0.7", "/x"));
        replies.put("/info", FakeEngine.Reply.HANG);
        Path sock = socket("e.sock");
        try (FakeEngine engine = FakeEngine.onUnixSocket(sock, replies)) {

            EngineUnavailableException e = catchThrowableOfType(EngineUnavailableException.class,
                    () -> probe(Map.of("DOCKER_HOST", "unix://" + sock)).probe());

            assertThat(e.attempts()).singleElement().extracting(EngineAttempt::failure).isEqualTo(Failure.TIMED_OUT);
            assertThat(engine.hits("/_ping")).isEqualTo(1);
            assertThat(engine.hits("/info")).isEqualTo(1);
        }
    }

    @Test
    void sshIsReportedWithoutTrying() {
        EngineUnavailableException e = catchThrowableOfType(EngineUnavailableException.class,
                () -> probe(Map.of("DOCKER_HOST", "ssh://me@build.example")).probe());

        assertThat(e.getMessage()).contains("ssh://build.example (DOCKER_HOST): not supported by Outpost");
    }

    @Test
    void aBrokenContextIsCarriedIntoTheFailure() {
        EngineUnavailableException e = catchThrowableOfType(EngineUnavailableException.class,
                () -> probe(Map.of("DOCKER_CONTEXT", "gone")).probe());

        assertThat(e.attempts()).isEmpty();
        assertThat(e.resolveError()).isPresent();
        assertThat(e.getMessage()).contains("docker context 'gone'").contains("No engine socket was found to try.");
    }

    @Test
    void aBrokenContextIsCarriedIntoTheEngineFoundInstead() throws Exception {
        try (FakeEngine _ = FakeEngine.onUnixSocket(socket(".rd/docker.sock"), FakeEngine.docker("26.1.0", "/x"))) {

            EngineInfo info = probe(Map.of("DOCKER_CONTEXT", "gone")).probe();

            assertThat(info.endpoint().product()).contains(Product.RANCHER_DESKTOP);
            assertThat(info.resolveError()).get().extracting(Throwable::getMessage).asString().contains("'gone'");
        }
    }
}
