package dev.outpost.stack.cluster.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kind contract against {@code $OUTPOST_REAL_KIND} when set, else against {@link FakeKind}; plus the fake's own
 * extras (failure injection, invocation log), which only run against the fake.
 */
class KindContractIT extends KindContract {
    static final String REAL = System.getenv("OUTPOST_REAL_KIND");
    static FakeClusterTools fake;

    @BeforeAll
    static void installFake(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        fake = FakeClusterTools.install(dir, FakeClusterTools.Settings.defaults());
    }

    @Override
    Path kind() {
        return REAL != null && !REAL.isEmpty() ? Path.of(REAL) : fake.kind();
    }

    private static void fakeOnly() {
        assumeTrue(REAL == null || REAL.isEmpty(), "fake-only behaviour");
    }

    @Test
    void readsTheConfigFromStdinAndLogsTheInvocation() throws IOException {
        fakeOnly();
        String cfg = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n";

        CliRun r = CliRun.run(kind(), env, cfg, "create", "cluster", "--name", name, "--config", "-");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(fake.invocations()).anySatisfy(line -> assertThat(line)
                .contains("\"argv\":[\"create\",\"cluster\",\"--name\",\"" + name + "\",\"--config\",\"-\"]")
                .contains("\"config\":\"kind: Cluster\\napiVersion: kind.x-k8s.io/v1alpha4\\n"));
    }

    @Test
    void anInjectedFailureAfterTheNodesRollsBackUnlessRetained(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        fakeOnly();
        FakeClusterTools failing = FakeClusterTools.install(dir, FakeClusterTools.Settings.defaults()
                .withFailAt("kubeadm-init"));

        CliRun r = CliRun.run(failing.kind(), env, null, "create", "cluster", "--name", name);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(" ✓ Preparing nodes 📦").contains(" ✗ Starting control-plane 🕹️")
                .contains("ERROR: failed to create cluster: failed to init node with kubeadm")
                .contains("Command Output: ");
        assertThat(nodes()).isEmpty();

        CliRun kept = CliRun.run(failing.kind(), env, null, "create", "cluster", "--name", name, "--retain");
        assertThat(kept.exit()).isEqualTo(1);
        assertThat(nodes()).containsExactly(name + "-control-plane");
        assertThat(Files.exists(kubeconfig) && Files.readString(kubeconfig).contains("kind-" + name)).isFalse();
    }

    @Test
    void theKubeconfigPointsAtTheConfiguredServer(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        fakeOnly();
        FakeClusterTools tools = FakeClusterTools.install(dir, FakeClusterTools.Settings.defaults()
                .withServerUrl("http://127.0.0.1:1234"));

        CliRun r = CliRun.run(tools.kind(), env, null, "create", "cluster", "--name", name);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(Files.readString(kubeconfig)).contains("server: http://127.0.0.1:1234");
    }
}
