package dev.outpost.stack.cluster.k3d;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.stack.cluster.ClusterSpec;
import dev.outpost.stack.cluster.ConfigYaml;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class K3dConfigTest {
    /** The top-level keys of k3d's v1alpha5 Simple schema (additionalProperties: false). */
    private static final Set<String> SCHEMA_KEYS = Set.of("apiVersion", "kind", "metadata", "servers", "agents", "kubeAPI",
            "image", "network", "subnet", "token", "volumes", "ports", "env", "files", "hostAliases", "registries", "options");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String yaml) {
        return ConfigYaml.mapper().readValue(yaml, Map.class);
    }

    @Test
    void rendersASimpleConfigOnLoopbackThatLeavesTheUsersKubeconfigAlone() {
        ClusterSpec spec = new ClusterSpec("data", Optional.of("v1.33.1"), 1,
                List.of(new ClusterSpec.PortMapping(8081, 80)), Optional.empty());

        Map<String, Object> config = parse(K3dConfig.render(spec, 41234));

        assertThat(SCHEMA_KEYS).containsAll(config.keySet());
        assertThat(config).containsEntry("apiVersion", "k3d.io/v1alpha5").containsEntry("kind", "Simple")
                .containsEntry("metadata", Map.of("name", "data")).containsEntry("servers", 1).containsEntry("agents", 1)
                .containsEntry("image", "rancher/k3s:v1.33.1-k3s1").doesNotContainKey("registries");
        assertThat(config.get("kubeAPI")).isEqualTo(Map.of("host", "127.0.0.1", "hostIP", "127.0.0.1", "hostPort", "41234"));
        assertThat(config.get("ports")).isEqualTo(List.of(Map.of("port", "127.0.0.1:8081:80", "nodeFilters", List.of("loadbalancer"))));
        Map<String, Object> options = (Map<String, Object>) config.get("options");
        assertThat(options.get("kubeconfig")).isEqualTo(Map.of("updateDefaultKubeconfig", false, "switchCurrentContext", false));
        assertThat(options.get("k3d")).isEqualTo(Map.of("wait", true, "timeout", "300s"));
    }

    @Test
    void aMirrorBecomesAnInlineRegistriesYaml() {
        ClusterSpec spec = new ClusterSpec("data", Optional.empty(), 0, List.of(), Optional.of("mirror.example.com:5000"));

        Map<String, Object> config = parse(K3dConfig.render(spec, 6550));

        String registries = (String) ((Map<String, Object>) config.get("registries")).get("config");
        assertThat(parse(registries)).isEqualTo(Map.of("mirrors", Map.of("docker.io",
                Map.of("endpoint", List.of("https://mirror.example.com:5000")))));
        assertThat(config).doesNotContainKey("image");
    }

    @Test
    void k3sImagesCarryAK3sBuildSuffix() {
        assertThat(K3dConfig.k3sImage("1.33.1")).isEqualTo("rancher/k3s:v1.33.1-k3s1");
        assertThat(K3dConfig.k3sImage("v1.32.5-k3s2")).isEqualTo("rancher/k3s:v1.32.5-k3s2");
    }

    @Test
    void readsBothLogFormsAndTakesTheFatalLineAsTheError() {
        assertThat(K3dProvider.stepOf("INFO[0001] Creating node 'k3d-dev-server-0'")).contains("Creating node 'k3d-dev-server-0'");
        assertThat(K3dProvider.stepOf("time=\"2026-11-23T10:00:00Z\" level=info msg=\"Starting cluster 'dev'\""))
                .contains("Starting cluster 'dev'");
        assertThat(K3dProvider.stepOf("WARN[0000] No node filter specified")).isEmpty();
        assertThat(K3dProvider.errorOf(List.of(
                "time=\"t\" level=error msg=\"Failed to create cluster >>> Rolling Back\"",
                "time=\"t\" level=fatal msg=\"Cluster creation FAILED, all changes have been rolled back!\"")))
                .contains("Cluster creation FAILED, all changes have been rolled back!");
        assertThat(K3dProvider.errorOf(List.of("ERRO[0002] Failed to import image(s) into cluster 'dev': boom")))
                .contains("Failed to import image(s) into cluster 'dev': boom");
    }

    @Test
    void clusterListJsonGivesNodesAndTheirState() {
        String json = """
                [{"name":"dev","network":{"name":"k3d-dev","id":"","Members":null},"nodes":[
                 {"name":"k3d-dev-server-0","role":"server","State":{"Running":true,"Status":"running","Started":""}},
                 {"name":"k3d-dev-agent-0","role":"agent","State":{"Running":false,"Status":"exited","Started":""}},
                 {"name":"k3d-dev-serverlb","role":"loadbalancer","State":{"Running":true,"Status":"running","Started":""}}],
                 "imageVolume":"k3d-dev-images","serversRunning":1,"serversCount":1,"agentsRunning":0,"agentsCount":1,"hasLoadbalancer":true}]
                """;

        var clusters = K3dClusterList.parse(json);

        assertThat(clusters).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("dev");
            assertThat(c.context()).isEqualTo("k3d-dev");
            assertThat(c.nodes()).extracting(n -> n.name() + "/" + n.role() + "/" + n.running())
                    .containsExactly("k3d-dev-server-0/server/true", "k3d-dev-agent-0/agent/false", "k3d-dev-serverlb/loadbalancer/true");
            assertThat(c.state()).isEqualTo(dev.outpost.stack.cluster.ClusterState.DEGRADED);
        });
        assertThat(K3dClusterList.parse("[]")).isEmpty();
    }
}
