package dev.outpost.stack.cluster.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fake k3d's v1alpha5 schema validation (gojsonschema wording) and registries.yaml shape check. */
class FakeK3dConfigTest {
    private static List<String> errors(String yaml) {
        return K3dSchema.validate(Json.parse(yaml));
    }

    @Test
    void acceptsEveryDocumentedField() {
        assertThat(errors("""
                apiVersion: k3d.io/v1alpha5
                kind: Simple
                metadata:
                  name: dev
                servers: 1
                agents: 2
                kubeAPI:
                  host: "myhost.local"
                  hostIP: "127.0.0.1"
                  hostPort: "6550"
                image: rancher/k3s:v1.33.1-k3s1
                network: my-net
                subnet: "172.28.0.0/16"
                token: secret
                volumes: [{volume: "/host:/node", nodeFilters: ["server:0", "agent:*"]}]
                ports: [{port: "8080:80", nodeFilters: ["loadbalancer"]}]
                env: [{envVar: "bar=baz", nodeFilters: ["server:0"]}]
                files: [{source: "ns.yaml", destination: "k3s-manifests-custom/ns.yaml", description: "", nodeFilters: ["server:*"]}]
                hostAliases: [{ip: "1.2.3.4", hostnames: ["my.host.local"]}]
                registries:
                  create: {name: registry.localhost, host: "0.0.0.0", hostPort: "5000"}
                  use: ["k3d-myotherregistry:5000"]
                  config: |
                    mirrors: {}
                options:
                  k3d:
                    wait: true
                    timeout: "60s"
                    disableLoadbalancer: false
                    disableImageVolume: false
                    disableRollback: false
                    loadbalancer: {configOverrides: ["settings.workerConnections=2048"]}
                  k3s:
                    extraArgs: [{arg: "--disable=traefik", nodeFilters: ["server:*"]}]
                    nodeLabels: [{label: "foo=bar", nodeFilters: ["agent:1"]}]
                  kubeconfig:
                    updateDefaultKubeconfig: true
                    switchCurrentContext: true
                  runtime:
                    gpuRequest: all
                    serversMemory: "2g"
                    agentsMemory: "2g"
                    hostPidMode: false
                    labels: [{label: "bar=baz", nodeFilters: ["agent:1"]}]
                    ulimits: [{name: nofile, soft: 26677, hard: 26677}]
                """)).isEmpty();
    }

    @Test
    void reportsUnknownFieldsAtTheirPath() {
        assertThat(errors("apiVersion: k3d.io/v1alpha5\nkind: Simple\nfoo: 1\noptions:\n  k3d:\n    bar: true\n"
                + "ports:\n- port: '80'\n  baz: x\n")).containsExactly(
                        "(root): Additional property foo is not allowed",
                        "options.k3d: Additional property bar is not allowed",
                        "ports.0: Additional property baz is not allowed");
    }

    @Test
    void reportsTypesEnumsRequiredAndMinimum() {
        assertThat(errors("apiVersion: k3d.io/v1alpha4\nservers: 0\nagents: two\nkubeAPI:\n  hostPort: 6550\n"))
                .containsExactlyInAnyOrder("(root): kind is required",
                        "apiVersion: apiVersion must be one of the following: \"k3d.io/v1alpha5\"",
                        "servers: Must be greater than or equal to 1",
                        "agents: Invalid type. Expected: number, given: string",
                        "kubeAPI.hostPort: Invalid type. Expected: string, given: integer");
    }

    @Test
    void keepsTheRealSchemasOpenSpots() {
        assertThat(errors("apiVersion: k3d.io/v1alpha5\nkind: Simple\noptions:\n  runtime:\n    extra: 1\n"))
                .isEmpty();
        assertThat(errors("apiVersion: k3d.io/v1alpha5\nkind: Simple\nmetadata:\n  name: Not_A_Host\n"))
                .containsExactly("metadata.name: Does not match format 'hostname'");
    }

    @Test
    void registriesYamlMustHaveTheK3sShape() {
        assertThat(RegistriesYaml.problem("mirrors:\n  docker.io:\n    endpoint: [\"http://r:5000\"]\n"
                + "configs:\n  r:5000:\n    tls: {insecure_skip_verify: true}\n")).isNull();
        assertThat(RegistriesYaml.problem("mirrors: [docker.io]\n")).contains("cannot unmarshal array")
                .contains("Registry.mirrors");
        assertThat(RegistriesYaml.problem("mirrors:\n  docker.io:\n    endpoint: http://r\n"))
                .contains("Mirror.endpoint");
        assertThat(RegistriesYaml.problem("configs:\n  r:\n    auth: user\n")).contains("RegistryConfig.auth");
    }

    @Test
    void portAndFilterSpecs() {
        assertThat(K3dSpecs.port("127.0.0.1:8080:80/udp").publishArg()).isEqualTo("127.0.0.1:8080:80/udp");
        assertThat(K3dSpecs.splitFilters("8080:80@loadbalancer")).isEqualTo(new K3dSpecs.WithFilters("8080:80",
                List.of("loadbalancer")));
        assertThat(K3dSpecs.filterNodes(List.of("agent:0,1"), List.of("s0"), List.of("a0", "a1", "a2"), "lb"))
                .containsExactly("a0", "a1");
        assertThat(K3dSpecs.apiPort("0.0.0.0:6550", "0.0.0.0")).isEqualTo(new K3dSpecs.ApiPort("0.0.0.0", "0.0.0.0",
                6550));
    }
}
