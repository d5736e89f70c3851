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
 * What any {@code k3d} v5.9 executable must do, per /work/shared/reference/k3d.md. Subclasses say which executable:
 * the real one or the fake. Nothing here relies on the fake's settings. Logs are requested in key=value form
 * ({@code LOG_COLORS=false}).
 */
abstract class K3dContract {
    @TempDir
    Path tmp;

    String name;
    Path kubeconfig;
    Map<String, String> env;

    abstract Path k3d();

    @BeforeEach
    void setUp() {
        assumeTrue(DockerProbe.available(), "needs a Docker engine");
        name = "ct" + UUID.randomUUID().toString().substring(0, 8);
        kubeconfig = tmp.resolve("kube").resolve("config");
        env = new HashMap<>();
        env.put("KUBECONFIG", kubeconfig.toString());
        env.put("HOME", tmp.toString());
        env.put("XDG_CONFIG_HOME", tmp.resolve("xdg").toString());
        env.put("LOG_COLORS", "false");
    }

    @AfterEach
    void removeCluster() {
        if (name != null) {
            DockerProbe.removeAll("k3d.cluster=" + name, List.of("k3d-" + name), List.of("k3d-" + name + "-images"));
        }
    }

    CliRun k3d(String... args) {
        return CliRun.run(k3d(), env, null, args);
    }

    Path config(String body) throws IOException {
        Path f = tmp.resolve("k3d-" + UUID.randomUUID() + ".yaml");
        Files.writeString(f, "apiVersion: k3d.io/v1alpha5\nkind: Simple\n" + body);
        return f;
    }

    List<String> nodes() {
        return DockerProbe.containers("k3d.cluster=" + name);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> listed() {
        CliRun r = k3d("cluster", "list", "-o", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out().strip()).startsWith("[").endsWith("]").doesNotContain("\n");
        List<Map<String, Object>> clusters = (List<Map<String, Object>>) Json.parse(r.out());
        return clusters.stream().filter(c -> name.equals(c.get("name"))).findFirst().orElse(null);
    }

    @Test
    void createWithAConfigFileMakesLabelledNodesAndAKubeconfigContext() throws IOException {
        Path cfg = config("metadata:\n  name: " + name + "\nservers: 1\nagents: 1\noptions:\n  k3d:\n    wait: true\n");

        CliRun r = k3d("cluster", "create", "--config", cfg.toString());

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("level=info msg=\"Cluster '" + name + "' created successfully!\"")
                .endsWith("kubectl cluster-info\n");
        String server = "k3d-" + name + "-server-0";
        String agent = "k3d-" + name + "-agent-0";
        String lb = "k3d-" + name + "-serverlb";
        assertThat(nodes()).containsExactly(agent, server, lb);
        assertThat(DockerProbe.label(server, "app")).isEqualTo("k3d");
        assertThat(DockerProbe.label(server, "k3d.role")).isEqualTo("server");
        assertThat(DockerProbe.label(agent, "k3d.role")).isEqualTo("agent");
        assertThat(DockerProbe.label(lb, "k3d.role")).isEqualTo("loadbalancer");
        assertThat(DockerProbe.label(server, "k3d.version")).startsWith("v5.");
        assertThat(DockerProbe.exists("network", "k3d-" + name)).isTrue();
        assertThat(DockerProbe.exists("volume", "k3d-" + name + "-images")).isTrue();

        Map<String, Object> kc = Kubeconfigs.read(kubeconfig);
        assertThat(kc.get("current-context")).isEqualTo("k3d-" + name);
        assertThat(KindContract.names(kc, "clusters")).contains("k3d-" + name);
        assertThat(KindContract.names(kc, "users")).contains("admin@k3d-" + name);

        Map<String, Object> c = listed();
        assertThat(c).isNotNull();
        assertThat(c).containsEntry("serversCount", 1).containsEntry("serversRunning", 1)
                .containsEntry("agentsCount", 1).containsEntry("agentsRunning", 1)
                .containsEntry("hasLoadbalancer", true);
        CliRun table = k3d("cluster", "list", name);
        assertThat(table.outLines()).containsExactly("NAME" + " ".repeat(Math.max(3, name.length() + 3 - 4))
                + "SERVERS   AGENTS   LOADBALANCER", name + "   1/1       1/1      true");

        CliRun get = k3d("kubeconfig", "get", name);
        assertThat(get.exit()).isZero();
        assertThat(get.out()).contains("name: k3d-" + name).contains("name: admin@k3d-" + name);
    }

    @Test
    void creatingAnExistingClusterFailsWithK3dsMessage() {
        assertThat(k3d("cluster", "create", name, "--no-lb").exit()).isZero();

        CliRun again = k3d("cluster", "create", name, "--no-lb");

        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("level=fatal")
                .contains("Failed to create cluster '" + name + "' because a cluster with that name already exists");
        assertThat(nodes()).containsExactly("k3d-" + name + "-server-0");
    }

    @Test
    void aStoppedClusterIsStillListedWithNothingRunning() {
        assertThat(k3d("cluster", "create", name).exit()).isZero();

        CliRun stop = k3d("cluster", "stop", name);

        assertThat(stop.exit()).as(stop.toString()).isZero();
        assertThat(stop.out()).contains("Stopped cluster '" + name + "'");
        Map<String, Object> c = listed();
        assertThat(c).isNotNull().containsEntry("serversRunning", 0).containsEntry("serversCount", 1);
        assertThat(k3d("cluster", "list", name).out()).contains("0/1");
    }

    @Test
    void deleteRemovesEverythingAndIsIdempotent() {
        assertThat(k3d("cluster", "create", name).exit()).isZero();

        CliRun del = k3d("cluster", "delete", name);

        assertThat(del.exit()).as(del.toString()).isZero();
        assertThat(del.out()).contains("Successfully deleted cluster " + name + "!");
        assertThat(nodes()).isEmpty();
        assertThat(DockerProbe.exists("network", "k3d-" + name)).isFalse();
        assertThat(DockerProbe.exists("volume", "k3d-" + name + "-images")).isFalse();
        assertThat(listed()).isNull();

        CliRun again = k3d("cluster", "delete", name);
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("No nodes found for cluster '" + name + "', nothing to delete.");
    }

    @Test
    void anUnknownFlagOrASecondNameIsRejected() {
        CliRun flag = k3d("cluster", "create", name, "--no-such-flag");
        assertThat(flag.exit()).isEqualTo(1);
        assertThat(flag.err()).contains("unknown flag: --no-such-flag");

        CliRun twoNames = k3d("cluster", "create", name, name + "b");
        assertThat(twoNames.exit()).isEqualTo(1);
        assertThat(nodes()).isEmpty();
    }

    @Test
    void anUnknownConfigFieldFailsSchemaValidationNamingTheField() throws IOException {
        Path cfg = config("metadata:\n  name: " + name + "\nbogusField: 1\n");

        CliRun r = k3d("cluster", "create", "--config", cfg.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("level=fatal").contains("Additional property bogusField is not allowed");
        assertThat(nodes()).isEmpty();
    }

    @Test
    void aTakenApiPortFailsAndIsRolledBack() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CliRun r = k3d("cluster", "create", name, "--api-port", "127.0.0.1:" + taken.getLocalPort());

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.all()).containsAnyOf("port is already allocated", "address already in use");
            assertThat(r.err()).contains("Failed to create cluster >>> Rolling Back")
                    .contains("Cluster creation FAILED, all changes have been rolled back!");
            assertThat(nodes()).isEmpty();
            assertThat(DockerProbe.exists("network", "k3d-" + name)).isFalse();
        }
    }
}
