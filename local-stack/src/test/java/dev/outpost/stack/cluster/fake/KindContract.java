package dev.outpost.stack.cluster.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What any {@code kind} v0.32 executable must do, per /work/shared/reference/kind.md. Subclasses say which
 * executable: the real one or the fake. Nothing here relies on the fake's settings.
 */
abstract class KindContract {
    @TempDir
    Path tmp;

    String name;
    Path kubeconfig;
    Map<String, String> env;

    /** The executable under test. */
    abstract Path kind();

    @BeforeEach
    void setUp() {
        assumeTrue(DockerProbe.available(), "needs a Docker engine");
        name = "ct-" + UUID.randomUUID().toString().substring(0, 8);
        kubeconfig = tmp.resolve("kube").resolve("config");
        env = new HashMap<>();
        env.put("KUBECONFIG", kubeconfig.toString());
        env.put("HOME", tmp.toString());
        env.remove("KIND_CLUSTER_NAME");
    }

    @AfterEach
    void removeNodes() {
        if (name != null) {
            DockerProbe.removeAll("io.x-k8s.kind.cluster=" + name, List.of(), List.of());
        }
    }

    CliRun kind(String... args) {
        return CliRun.run(kind(), env, null, args);
    }

    Path config(String body) throws IOException {
        Path f = tmp.resolve("kind-" + UUID.randomUUID() + ".yaml");
        Files.writeString(f, "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n" + body);
        return f;
    }

    List<String> nodes() {
        return DockerProbe.containers("io.x-k8s.kind.cluster=" + name);
    }

    @Test
    void createWithAConfigFileMakesLabelledNodesAndAKubeconfigContext() throws IOException {
        Path cfg = config("name: " + name + "\nnodes:\n- role: control-plane\n- role: worker\n- role: worker\n");

        CliRun r = kind("create", "cluster", "--config", cfg.toString());

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).contains("Creating cluster \"" + name + "\" ...")
                .contains(" ✓ Preparing nodes 📦 📦 📦")
                .contains("Set kubectl context to \"kind-" + name + "\"");
        assertThat(r.out()).isEmpty();
        assertThat(nodes()).containsExactly(name + "-control-plane", name + "-worker", name + "-worker2");
        assertThat(DockerProbe.label(name + "-control-plane", "io.x-k8s.kind.role")).isEqualTo("control-plane");
        assertThat(DockerProbe.label(name + "-worker2", "io.x-k8s.kind.role")).isEqualTo("worker");
        assertThat(DockerProbe.inspect(name + "-worker", "{{.HostConfig.RestartPolicy.Name}}:"
                + "{{.HostConfig.RestartPolicy.MaximumRetryCount}}")).isEqualTo("on-failure:1");
        assertThat(DockerProbe.inspect(name + "-worker", "{{range $k, $v := .NetworkSettings.Networks}}{{$k}}{{end}}"))
                .isEqualTo("kind");
        assertThat(DockerProbe.inspect(name + "-control-plane",
                "{{(index (index .HostConfig.PortBindings \"6443/tcp\") 0).HostIp}}")).isEqualTo("127.0.0.1");

        Map<String, Object> kc = Kubeconfigs.read(kubeconfig);
        assertThat(kc.get("current-context")).isEqualTo("kind-" + name);
        assertThat(names(kc, "clusters")).contains("kind-" + name);
        assertThat(names(kc, "users")).contains("kind-" + name);
        assertThat(names(kc, "contexts")).contains("kind-" + name);

        CliRun clusters = kind("get", "clusters");
        assertThat(clusters.exit()).isZero();
        assertThat(clusters.outLines()).contains(name).isSorted();
        CliRun got = kind("get", "nodes", "--name", name);
        assertThat(got.outLines()).containsExactlyInAnyOrder(name + "-control-plane", name + "-worker",
                name + "-worker2");
        CliRun kcOut = kind("get", "kubeconfig", "--name", name);
        assertThat(kcOut.exit()).as(kcOut.toString()).isZero();
        assertThat(kcOut.out()).contains("name: kind-" + name).contains("current-context: kind-" + name);
        CliRun internal = kind("get", "kubeconfig", "--internal", "--name", name);
        assertThat(internal.out()).contains("server: https://" + name + "-control-plane:6443");
    }

    @Test
    void creatingAnExistingClusterFailsWithKindsMessage() {
        CliRun first = kind("create", "cluster", "--name", name);
        assertThat(first.exit()).as(first.toString()).isZero();

        CliRun again = kind("create", "cluster", "--name", name);

        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("ERROR: failed to create cluster: node(s) already exist for a cluster with "
                + "the name \"" + name + "\"");
        assertThat(nodes()).containsExactly(name + "-control-plane");
    }

    @Test
    void aStoppedClusterIsStillListed() {
        assertThat(kind("create", "cluster", "--name", name).exit()).isZero();

        DockerProbe.stop(nodes());

        assertThat(kind("get", "clusters").outLines()).contains(name);
        assertThat(kind("get", "nodes", "--name", name).outLines()).containsExactly(name + "-control-plane");
    }

    @Test
    void deleteRemovesNodesAndKubeconfigEntriesAndIsIdempotent() throws IOException {
        assertThat(kind("create", "cluster", "--name", name).exit()).isZero();

        CliRun del = kind("delete", "cluster", "--name", name);

        assertThat(del.exit()).as(del.toString()).isZero();
        assertThat(del.err()).contains("Deleting cluster \"" + name + "\" ...")
                .contains("Deleted nodes: [\"" + name + "-control-plane\"]");
        assertThat(nodes()).isEmpty();
        assertThat(names(Kubeconfigs.read(kubeconfig), "contexts")).doesNotContain("kind-" + name);

        CliRun again = kind("delete", "cluster", "--name", name);
        assertThat(again.exit()).isZero();
        assertThat(again.err().strip()).isEqualTo("Deleting cluster \"" + name + "\" ...");
        CliRun none = kind("get", "nodes", "--name", name);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).contains("No kind nodes found for cluster \"" + name + "\".");
    }

    @Test
    void anUnknownFlagOrArgumentIsRejected() {
        CliRun flag = kind("create", "cluster", "--name", name, "--no-such-flag");
        assertThat(flag.exit()).isEqualTo(1);
        assertThat(flag.err()).contains("unknown flag: --no-such-flag");

        CliRun positional = kind("create", "cluster", name);
        assertThat(positional.exit()).isEqualTo(1);
        assertThat(nodes()).isEmpty();
    }

    @Test
    void anUnknownConfigFieldIsAnErrorNamingTheField() throws IOException {
        Path cfg = config("nodes:\n- role: control-plane\n  bogusField: 1\n");

        CliRun r = kind("create", "cluster", "--name", name, "--config", cfg.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("ERROR: failed to create cluster").contains("bogusField");
        assertThat(nodes()).isEmpty();
    }

    @Test
    void aTakenHostPortFailsAndLeavesNoNodeBehind() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Path cfg = config("nodes:\n- role: control-plane\n  extraPortMappings:\n  - containerPort: 80\n"
                    + "    hostPort: " + taken.getLocalPort() + "\n    listenAddress: 127.0.0.1\n");

            CliRun r = kind("create", "cluster", "--name", name, "--config", cfg.toString());

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).contains(" ✗ Preparing nodes 📦").contains("ERROR: failed to create cluster: ");
            assertThat(r.err()).containsAnyOf("port is already allocated", "address already in use");
            assertThat(nodes()).isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    static List<Object> names(Map<String, Object> kubeconfig, String key) {
        return ((List<Map<String, Object>>) kubeconfig.get(key)).stream().map(m -> m.get("name")).toList();
    }
}
