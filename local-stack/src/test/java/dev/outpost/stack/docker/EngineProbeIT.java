package dev.outpost.stack.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.stack.doctor.Check;
import dev.outpost.stack.doctor.CheckStatus;
import dev.outpost.stack.doctor.ContainerEngineCheck;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.process.Command;
import dev.outpost.stack.process.LocalProcessRunner;
import dev.outpost.stack.process.ProcessRunner;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Against the machine's real engine, checked against what the docker CLI itself reports.
 * Needs a running Docker daemon and the docker CLI on PATH.
 */
class EngineProbeIT {
    private static final long TEN_GIB = 10L * 1024 * 1024 * 1024;

    private final ProcessRunner runner = new LocalProcessRunner();
    private final HostEnvironment env = HostEnvironment.current();

    private String docker(String... args) throws InterruptedException {
        return runner.runChecked(Command.of("docker", args).withTimeout(Duration.ofSeconds(30))).stdoutText().strip();
    }

    @Test
    void resolvesTheEndpointTheDockerCliUses() throws Exception {
        String cliHost = docker("context", "inspect", "--format", "{{.Endpoints.docker.Host}}");

        DockerEndpoint resolved = new DockerEndpointResolver(env).resolve();

        assertThat(resolved.uri()).isEqualTo(HostAddress.parse(cliHost, resolved.tls().enabled(), "the docker CLI's host"));
    }

    @Test
    void findsTheRunningEngineAndReadsWhatTheCliReads() throws Exception {
        String cliVersion = docker("version", "--format", "{{.Server.Version}}");
        String cliRootDir = docker("info", "--format", "{{.DockerRootDir}}");
        String cliCgroupDriver = docker("info", "--format", "{{.CgroupDriver}}");
        String cliApi = docker("version", "--format", "{{.Server.APIVersion}}");

        EngineInfo info = new EngineProbe(new DockerEndpointResolver(env)).probe();

        assertThat(info.endpoint()).isEqualTo(new DockerEndpointResolver(env).resolve());
        assertThat(info.failedBefore()).isEmpty();
        assertThat(info.kind()).isEqualTo(EngineKind.DOCKER);
        assertThat(info.serverVersion()).isNotBlank().isEqualTo(cliVersion);
        assertThat(info.apiVersion()).isEqualTo(cliApi);
        assertThat(info.rootDir()).isEqualTo(cliRootDir);
        assertThat(info.cgroupDriver()).isEqualTo(cliCgroupDriver);
        assertThat(info.os()).isNotBlank();
        assertThat(info.arch()).isNotBlank();
        assertThat(info.containersTotal()).isGreaterThanOrEqualTo(info.containersRunning());
    }

    @Test
    void theDoctorCheckReportsTheEngine() throws Exception {
        String cliVersion = docker("version", "--format", "{{.Server.Version}}");
        String cliHost = docker("context", "inspect", "--format", "{{.Endpoints.docker.Host}}");

        Check c = new ContainerEngineCheck(env).run();

        EngineInfo info = new EngineProbe(new DockerEndpointResolver(env)).probe();
        boolean lowDisk = info.freeDiskBytes().isPresent() && info.freeDiskBytes().getAsLong() < TEN_GIB;
        assertThat(c.status()).as(c.summary()).isEqualTo(lowDisk ? CheckStatus.WARNING : CheckStatus.OK);
        assertThat(c.facts()).containsEntry("version", cliVersion).containsEntry("endpoint", cliHost)
                .containsEntry("engine", "Docker Engine");
        assertThat(c.summary()).startsWith("Docker Engine " + cliVersion + " (").contains(" at " + cliHost);
    }
}
