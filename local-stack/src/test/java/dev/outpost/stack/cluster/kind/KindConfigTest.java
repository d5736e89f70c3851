package dev.outpost.stack.cluster.kind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.stack.cluster.ClusterSpec;
import dev.outpost.stack.cluster.ConfigYaml;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KindConfigTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String yaml) {
        return ConfigYaml.mapper().readValue(yaml, Map.class);
    }

    @Test
    void rendersAClusterWithWorkersPinnedImagesAndLoopbackPorts() {
        ClusterSpec spec = new ClusterSpec("dev", Optional.of("v1.33.1"), 2,
                List.of(new ClusterSpec.PortMapping(8080, 30080)), Optional.empty());

        Map<String, Object> config = parse(KindConfig.render(spec));

        assertThat(config).containsEntry("kind", "Cluster").containsEntry("apiVersion", "kind.x-k8s.io/v1alpha4")
                .containsEntry("name", "dev").doesNotContainKey("containerdConfigPatches");
        assertThat(config.get("networking")).isEqualTo(Map.of("apiServerAddress", "127.0.0.1"));
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) config.get("nodes");
        assertThat(nodes).extracting(n -> n.get("role")).containsExactly("control-plane", "worker", "worker");
        assertThat(nodes).extracting(n -> n.get("image")).containsOnly("kindest/node:v1.33.1");
        assertThat(nodes.getFirst().get("extraPortMappings")).isEqualTo(List.of(Map.of(
                "containerPort", 30080, "hostPort", 8080, "listenAddress", "127.0.0.1", "protocol", "TCP")));
        assertThat(nodes.get(1)).doesNotContainKey("extraPortMappings");
    }

    @Test
    void withoutAVersionKindChoosesItsOwnNodeImage() {
        Map<String, Object> config = parse(KindConfig.render(new ClusterSpec("dev", Optional.empty(), 0, List.of(), Optional.empty())));

        List<Map<String, Object>> nodes = (List<Map<String, Object>>) config.get("nodes");
        assertThat(nodes).containsExactly(Map.of("role", "control-plane"));
    }

    @Test
    void theVersionKindShipsIsPinnedByDigest() {
        assertThat(KindNodeImages.forVersion("1.36.1"))
                .isEqualTo("kindest/node:v1.36.1@sha256:3489c7674813ba5d8b1a9977baea8a6e553784dab7b84759d1014dbd78f7ebd5");
        assertThat(KindNodeImages.forVersion("v1.31.4")).isEqualTo("kindest/node:v1.31.4");
    }

    @Test
    void aMirrorSwitchesContainerdToHostsFilesAndTheFileNamesTheMirror() {
        ClusterSpec spec = new ClusterSpec("dev", Optional.empty(), 0, List.of(), Optional.of("mirror.example.com/dockerhub"));

        Map<String, Object> config = parse(KindConfig.render(spec));

        assertThat(config.get("containerdConfigPatches")).isEqualTo(List.of(
                "[plugins.\"io.containerd.grpc.v1.cri\".registry]\n  config_path = \"/etc/containerd/certs.d\"\n"));
        String hosts = KindMirrorHosts.dockerIo(dev.outpost.stack.cluster.RegistryMirror.parse("mirror.example.com/dockerhub"));
        assertThat(hosts).isEqualTo("""
                server = "https://registry-1.docker.io"

                [host."https://mirror.example.com/dockerhub/v2"]
                  capabilities = ["pull", "resolve"]
                  override_path = true
                """);
        assertThat(KindMirrorHosts.dockerIo(dev.outpost.stack.cluster.RegistryMirror.parse("127.0.0.1:5000")))
                .contains("[host.\"http://127.0.0.1:5000\"]").doesNotContain("override_path");
    }

    @Test
    void stepsAreKindsStatusLinesWithoutTheirDecoration() {
        assertThat(KindProvider.stepOf(" • Preparing nodes 📦 📦   ...")).contains("Preparing nodes");
        assertThat(KindProvider.stepOf(" • Ensuring node image (kindest/node:v1.36.1) 🖼  ..."))
                .contains("Ensuring node image (kindest/node:v1.36.1)");
        assertThat(KindProvider.stepOf(" ✓ Preparing nodes 📦")).isEmpty();
        assertThat(KindProvider.stepOf("Creating cluster \"dev\" ...")).contains("Creating cluster");
    }

    @Test
    void theErrorIsKindsLastErrorLine() {
        assertThat(KindProvider.errorOf(List.of(" ✗ Preparing nodes 📦",
                "ERROR: failed to create cluster: node(s) already exist for a cluster with the name \"dev\"")))
                .contains("failed to create cluster: node(s) already exist for a cluster with the name \"dev\"");
        assertThat(KindProvider.errorOf(List.of("Deleting cluster \"dev\" ..."))).isEmpty();
    }
}
