package dev.outpost.stack.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.stack.docker.DockerEndpoint;
import dev.outpost.stack.docker.DockerEndpointException;
import dev.outpost.stack.docker.DockerEndpointResolver;
import dev.outpost.stack.docker.DockerTls;
import dev.outpost.stack.docker.EngineAttempt;
import dev.outpost.stack.docker.EngineAttempt.Failure;
import dev.outpost.stack.docker.EngineInfo;
import dev.outpost.stack.docker.EngineKind;
import dev.outpost.stack.docker.EngineProbe;
import dev.outpost.stack.docker.EngineUnavailableException;
import dev.outpost.stack.docker.FakeEngine;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.platform.OperatingSystem;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerEngineCheckTest {
    private static final long GIB = 1024L * 1024 * 1024;
    private static final DockerEndpoint DEFAULT_SOCKET = new DockerEndpoint(URI.create("unix:///var/run/docker.sock"),
            DockerEndpoint.Source.DEFAULT, "default socket", Optional.empty(), DockerTls.none());

    @TempDir
    Path tmp;

    private ContainerEngineCheck check(OperatingSystem os, Map<String, String> vars) {
        HostEnvironment env = new HostEnvironment(os, vars, tmp);
        // Only sockets under the temp dir count, so the machine's own engine never joins in.
        var resolver = new DockerEndpointResolver(env, p -> p.startsWith(tmp) && Files.exists(p));
        return new ContainerEngineCheck(env, new EngineProbe(resolver, Duration.ofMillis(500)));
    }

    private static EngineInfo info(OptionalLong free, List<EngineAttempt> failedBefore,
                                   Optional<DockerEndpointException> resolveError) {
        return new EngineInfo(DEFAULT_SOCKET, EngineKind.DOCKER, "20.10.24", "1.41", "Debian GNU/Linux 12 (bookworm)",
                "linux", "amd64", "cgroupfs", Optional.of("1"), "/var/lib/docker", free, 1, 3, 4, failedBefore,
                resolveError);
    }

    @Test
    void anAnsweringEngineIsOkWithItsFacts() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path sock = tmp.resolve("e.sock");
        try (FakeEngine _ = FakeEngine.onUnixSocket(sock, FakeEngine.docker("24.0.7", root.toString()))) {

            Check c = check(OperatingSystem.LINUX, Map.of("DOCKER_HOST", "unix://" + sock)).run();

            assertThat(c.id()).isEqualTo("engine");
            assertThat(c.title()).isEqualTo("Container engine");
            long free = Files.getFileStore(root).getUsableSpace();
            assertThat(c.status()).isEqualTo(free < 10 * GIB ? CheckStatus.WARNING : CheckStatus.OK);
            assertThat(c.summary()).startsWith("Docker Engine 24.0.7 (linux/amd64) at unix://" + sock);
            // Other writers move free disk between two readings: compare it apart, by its form.
            assertThat(c.facts().get("free disk")).matches("\\d+(\\.\\d)? [KMGT]?i?B");
            var facts = new java.util.LinkedHashMap<>(c.facts());
            facts.put("free disk", ByteSizes.human(free));
            assertThat(facts).containsExactly(
                    Map.entry("endpoint", "unix://" + sock),
                    Map.entry("source", "DOCKER_HOST"),
                    Map.entry("engine", "Docker Engine"),
                    Map.entry("version", "24.0.7"),
                    Map.entry("api", "1.43"),
                    Map.entry("os", "Ubuntu 22.04.3 LTS"),
                    Map.entry("arch", "linux/amd64"),
                    Map.entry("cgroup driver", "systemd (cgroup v2)"),
                    Map.entry("root dir", root.toString()),
                    Map.entry("free disk", ByteSizes.human(free)),
                    Map.entry("containers", "2 running, 5 total"),
                    Map.entry("images", "7"));
        }
    }

    @Test
    void plentyOfDiskIsOk() {
        Check c = ContainerEngineCheck.found(info(OptionalLong.of(41 * GIB), List.of(), Optional.empty()));

        assertThat(c.status()).isEqualTo(CheckStatus.OK);
        assertThat(c.summary()).isEqualTo("Docker Engine 20.10.24 (linux/amd64) at unix:///var/run/docker.sock");
        assertThat(c.facts()).containsEntry("free disk", "41.0 GiB").containsEntry("cgroup driver", "cgroupfs (cgroup v1)");
        assertThat(c.fixHint()).isEmpty();
    }

    @Test
    void lessThanTenGibFreeIsAWarning() {
        Check c = ContainerEngineCheck.found(info(OptionalLong.of(5 * GIB), List.of(), Optional.empty()));

        assertThat(c.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(c.summary()).endsWith("; only 5.0 GiB free under /var/lib/docker");
        assertThat(c.fixHint()).get().asString().contains("docker system prune");
    }

    @Test
    void unknownFreeDiskIsNoWarning() {
        Check c = ContainerEngineCheck.found(info(OptionalLong.empty(), List.of(), Optional.empty()));

        assertThat(c.status()).isEqualTo(CheckStatus.OK);
        assertThat(c.facts().get("free disk")).startsWith("unknown");
    }

    @Test
    void aConfiguredEngineThatDidNotAnswerIsAWarning() {
        DockerEndpoint configured = new DockerEndpoint(URI.create("tcp://10.0.0.5:2375"),
                DockerEndpoint.Source.DOCKER_HOST, "DOCKER_HOST", Optional.empty(), DockerTls.none());
        EngineAttempt refused = new EngineAttempt(configured, Failure.CONNECTION_REFUSED, "");

        Check c = ContainerEngineCheck.found(info(OptionalLong.of(41 * GIB), List.of(refused), Optional.empty()));

        assertThat(c.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(c.facts()).containsEntry("not answering", "tcp://10.0.0.5:2375 (DOCKER_HOST): connection refused");
        assertThat(c.fixHint()).get().asString().contains("unset DOCKER_HOST");
    }

    @Test
    void aFallbackPastTheDefaultSocketIsNoWarning() {
        EngineAttempt missing = new EngineAttempt(DEFAULT_SOCKET, Failure.NO_SUCH_FILE, "");

        Check c = ContainerEngineCheck.found(info(OptionalLong.of(41 * GIB), List.of(missing), Optional.empty()));

        assertThat(c.status()).isEqualTo(CheckStatus.OK);
    }

    @Test
    void aBrokenContextIsAWarningEvenWhenAnotherEngineAnswers() {
        var broken = new DockerEndpointException("docker context 'gone' (chosen by DOCKER_CONTEXT) does not exist");

        Check c = ContainerEngineCheck.found(info(OptionalLong.of(41 * GIB), List.of(), Optional.of(broken)));

        assertThat(c.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(c.facts()).containsEntry("configuration", broken.getMessage());
    }

    @Test
    void noEngineOnLinuxIsMissingWithTheAttemptsAndHowToStartOne() throws Exception {
        Path missing = tmp.resolve("missing.sock");

        Check c = check(OperatingSystem.LINUX, Map.of("DOCKER_HOST", "unix://" + missing)).run();

        assertThat(c.status()).isEqualTo(CheckStatus.MISSING);
        assertThat(c.summary()).isEqualTo("No container engine answered (1 place tried)");
        assertThat(c.facts()).containsExactly(Map.entry("attempt 1", "unix://" + missing + " (DOCKER_HOST): no such file"));
        assertThat(c.fixHint()).get().asString()
                .contains("sudo systemctl start docker")
                .contains("systemctl --user start podman.socket")
                .contains("DOCKER_HOST=unix://$XDG_RUNTIME_DIR/podman/podman.sock");
    }

    @Test
    void theFixFitsTheOperatingSystem() {
        var e = new EngineUnavailableException(List.of(new EngineAttempt(DEFAULT_SOCKET, Failure.NO_SUCH_FILE, "")),
                Optional.empty());

        assertThat(ContainerEngineCheck.unavailable(e, OperatingSystem.MACOS).fixHint()).get().asString()
                .contains("Start Docker Desktop").contains("colima start").contains("podman machine start");
        assertThat(ContainerEngineCheck.unavailable(e, OperatingSystem.WINDOWS).fixHint()).get().asString()
                .isEqualTo("Start Docker Desktop or Podman Desktop.");
    }

    @Test
    void permissionDeniedFailsAndPointsAtTheDockerGroup() {
        var e = new EngineUnavailableException(
                List.of(new EngineAttempt(DEFAULT_SOCKET, Failure.PERMISSION_DENIED, "")), Optional.empty());

        Check c = ContainerEngineCheck.unavailable(e, OperatingSystem.LINUX);

        assertThat(c.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(c.fixHint()).get().asString().startsWith("Your user may not open unix:///var/run/docker.sock")
                .contains("sudo usermod -aG docker $USER");
    }

    @Test
    void aRefusingEngineFails() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }

        Check c = check(OperatingSystem.LINUX, Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + closedPort)).run();

        assertThat(c.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(c.facts()).containsEntry("attempt 1", "tcp://127.0.0.1:" + closedPort + " (DOCKER_HOST): connection refused");
    }

    @Test
    void aBrokenContextWithNothingElseFailsAndSaysWhy() throws Exception {
        Check c = check(OperatingSystem.MACOS, Map.of("DOCKER_CONTEXT", "gone")).run();

        assertThat(c.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(c.facts().get("configuration")).contains("docker context 'gone'");
        assertThat(c.fixHint()).get().asString().contains("docker context use default").contains("colima start");
    }

    @Test
    void credentialsInDockerHostNeverReachTheReport() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }

        Check c = check(OperatingSystem.LINUX, Map.of("DOCKER_HOST", "tcp://me:hunter2@127.0.0.1:" + closedPort)).run();

        assertThat(c.toString()).doesNotContain("hunter2").contains("tcp://127.0.0.1:" + closedPort);
    }
}
