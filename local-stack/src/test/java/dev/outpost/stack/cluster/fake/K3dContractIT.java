package dev.outpost.stack.cluster.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The k3d contract against {@code $OUTPOST_REAL_K3D} when set, else against {@link FakeK3d}; plus the fake's own
 * extras (failure injection, registries file, invocation log), which only run against the fake.
 */
class K3dContractIT extends K3dContract {
    static final String REAL = System.getenv("OUTPOST_REAL_K3D");
    static FakeClusterTools fake;

    @BeforeAll
    static void installFake(@TempDir Path dir) throws IOException {
        fake = FakeClusterTools.install(dir, FakeClusterTools.Settings.defaults());
    }

    @Override
    Path k3d() {
        return REAL != null && !REAL.isEmpty() ? Path.of(REAL) : fake.k3d();
    }

    private static void fakeOnly() {
        assumeTrue(REAL == null || REAL.isEmpty(), "fake-only behaviour");
    }

    @Test
    void theRegistriesConfigLandsInTheServerNodeAndTheInvocationIsLogged() throws IOException {
        fakeOnly();
        Path cfg = config("metadata:\n  name: " + name + "\nregistries:\n  config: |\n    mirrors:\n"
                + "      \"docker.io\":\n        endpoint: [\"http://k3d-reg:5000\"]\n");

        CliRun r = k3d("cluster", "create", "-c", cfg.toString(), "--no-lb");

        assertThat(r.exit()).as(r.toString()).isZero();
        CliRun cat = DockerProbe.exec("exec", "k3d-" + name + "-server-0", "cat", "/etc/rancher/k3s/registries.yaml");
        assertThat(cat.out()).contains("http://k3d-reg:5000");
        assertThat(fake.invocations()).anySatisfy(line -> assertThat(line).contains("\"tool\":\"k3d\"")
                .contains("\"-c\",\"" + cfg + "\"").contains("registries:"));
    }

    @Test
    void anInvalidRegistriesFileIsFatal() throws IOException {
        fakeOnly();
        Path reg = tmp.resolve("registries.yaml");
        Files.writeString(reg, "mirrors: [docker.io]\n");

        CliRun r = k3d("cluster", "create", name, "--registry-config", reg.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("level=fatal").contains("cannot unmarshal");
        assertThat(nodes()).isEmpty();
    }

    @Test
    void anInjectedStartFailureRollsBackUnlessDisabled(@TempDir Path dir) throws IOException {
        fakeOnly();
        FakeClusterTools failing = FakeClusterTools.install(dir, FakeClusterTools.Settings.defaults()
                .withFailAt("start-servers"));

        CliRun r = CliRun.run(failing.k3d(), env, null, "cluster", "create", name);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("Failed Cluster Start").contains("all changes have been rolled back!");
        assertThat(nodes()).isEmpty();

        CliRun kept = CliRun.run(failing.k3d(), env, null, "cluster", "create", name, "--no-rollback");
        assertThat(kept.exit()).isEqualTo(1);
        assertThat(kept.err()).contains("Cluster creation FAILED, rollback deactivated.");
        assertThat(nodes()).contains("k3d-" + name + "-server-0");
    }

    @Test
    void kubeconfigWriteGoesToTheK3dConfigDirAndPrintsThePath(@TempDir Path dir) throws IOException {
        fakeOnly();
        FakeClusterTools tools = FakeClusterTools.install(dir, FakeClusterTools.Settings.defaults()
                .withServerUrl("http://127.0.0.1:4321"));
        assertThat(CliRun.run(tools.k3d(), env, null, "cluster", "create", name, "--no-lb",
                "--kubeconfig-update-default=false").exit()).isZero();

        CliRun w = CliRun.run(tools.k3d(), env, null, "kubeconfig", "write", name);

        Path expected = tmp.resolve("xdg").resolve("k3d").resolve("kubeconfig-" + name + ".yaml");
        assertThat(w.out().strip()).isEqualTo(expected.toString());
        assertThat(Files.readString(expected)).contains("server: http://127.0.0.1:4321")
                .contains("current-context: k3d-" + name);
        assertThat(Files.exists(kubeconfig)).isFalse();
    }
}
