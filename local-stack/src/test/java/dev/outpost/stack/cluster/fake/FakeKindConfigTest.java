package dev.outpost.stack.cluster.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The fake kind's strict v1alpha4 decoding and validation, with kind's (yaml.v3) error texts. */
class FakeKindConfigTest {
    private static final String HEAD = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n";

    private static KindConfig.Cluster load(String yaml) {
        KindConfig.Cluster c = KindConfig.resolve(KindConfig.parse(HEAD + yaml), "", "");
        KindConfig.validate(c);
        return c;
    }

    @Test
    void acceptsEveryDocumentedField() {
        KindConfig.Cluster c = load("""
                name: dev
                nodes:
                - role: control-plane
                  image: kindest/node:v1.36.1@sha256:abc
                  labels: {tier: gpu}
                  extraPortMappings:
                  - containerPort: 80
                    hostPort: 8080
                    listenAddress: "127.0.0.1"
                    protocol: TCP
                  extraMounts:
                  - hostPath: /data
                    containerPath: /data
                    readOnly: true
                    selinuxRelabel: false
                    propagation: None
                  kubeadmConfigPatches:
                  - |
                    kind: InitConfiguration
                  kubeadmConfigPatchesJSON6902:
                  - {group: kubeadm.k8s.io, version: v1beta3, kind: ClusterConfiguration, patch: "[]"}
                - role: worker
                networking:
                  ipFamily: ipv4
                  apiServerAddress: "127.0.0.1"
                  apiServerPort: 6443
                  podSubnet: "10.244.0.0/16"
                  serviceSubnet: "10.96.0.0/16"
                  disableDefaultCNI: false
                  kubeProxyMode: iptables
                  dnsSearch: []
                featureGates: {SomeGate: true}
                runtimeConfig: {"api/alpha": "false"}
                kubeadmConfigPatches: []
                kubeadmConfigPatchesJSON6902: []
                containerdConfigPatchesJSON6902: []
                containerdConfigPatches:
                - |-
                  [plugins."io.containerd.grpc.v1.cri".registry]
                    config_path = "/etc/containerd/certs.d"
                """);

        assertThat(c.name()).isEqualTo("dev");
        assertThat(c.nodes()).extracting(KindConfig.NodeSpec::role).containsExactly("control-plane", "worker");
        assertThat(c.nodes().getFirst().ports()).containsExactly(new KindConfig.PortMapping(80, 8080, "127.0.0.1",
                "TCP"));
        assertThat(c.apiServerPort()).isEqualTo(6443);
    }

    @Test
    void defaultsToOneControlPlaneNamedKind() {
        KindConfig.Cluster c = KindConfig.resolve(KindConfig.defaultDocument(), "", "");

        assertThat(c.name()).isEqualTo("kind");
        assertThat(c.nodes()).singleElement().satisfies(n -> {
            assertThat(n.role()).isEqualTo("control-plane");
            assertThat(n.image()).isEqualTo(KindConfig.DEFAULT_IMAGE);
        });
        assertThat(c.apiServerAddress()).isEqualTo("127.0.0.1");
        assertThat(c.apiServerPort()).isZero();
    }

    @Test
    void unknownFieldsAreReportedWithLineAndGoType() {
        assertThatThrownBy(() -> load("nodes:\n- role: control-plane\n  bogus: 1\nfoo: bar\n"))
                .hasMessage("unable to decode config: yaml: unmarshal errors:\n"
                        + "  line 5: field bogus not found in type v1alpha4.Node\n"
                        + "  line 6: field foo not found in type v1alpha4.Cluster");
    }

    @Test
    void wronglyTypedValuesAreReportedLikeYamlV3() {
        assertThatThrownBy(() -> load("networking:\n  apiServerPort: high\ncontainerdConfigPatches:\n  a: b\n"))
                .hasMessage("unable to decode config: yaml: unmarshal errors:\n"
                        + "  line 4: cannot unmarshal !!str `high` into int32\n"
                        + "  line 6: cannot unmarshal !!map into []string");
    }

    @Test
    void headerIsRequired() {
        assertThatThrownBy(() -> KindConfig.parse("nodes: []\n")).hasMessage("unknown apiVersion: ");
        assertThatThrownBy(() -> KindConfig.parse("apiVersion: kind.x-k8s.io/v1alpha4\nkind: Foo\n"))
                .hasMessage("unknown kind Foo for apiVersion: kind.x-k8s.io/v1alpha4");
    }

    @Test
    void validationFollowsKind() {
        assertThatThrownBy(() -> load("nodes:\n- role: master\n"))
                .hasMessage("[invalid configuration for node 0: \"master\" is not a valid node role, "
                        + "must have at least one control-plane node]");
        assertThatThrownBy(() -> load("networking:\n  ipFamily: ipv5\n")).hasMessageContaining("invalid ipFamily: ipv5");
        assertThatThrownBy(() -> load("networking:\n  kubeProxyMode: bpf\n"))
                .hasMessage("invalid kubeProxyMode: bpf");
        assertThatThrownBy(() -> load("name: Dev\n")).hasMessageContaining("'Dev' is not a valid cluster name");
        assertThatThrownBy(() -> load("nodes:\n- role: control-plane\n  extraPortMappings:\n  - containerPort: 80\n"
                + "    hostPort: 70000\n")).hasMessage("invalid configuration for node 0: invalid hostPort: "
                        + "invalid port number: 70000");
    }

    @Test
    void nameAndImageOverridesWin() {
        KindConfig.Cluster c = KindConfig.resolve(KindConfig.parse(HEAD + "name: a\nnodes:\n- role: control-plane\n"
                + "  image: x\n- role: worker\n"), "b", "img:1");

        assertThat(c.name()).isEqualTo("b");
        assertThat(c.nodes()).extracting(KindConfig.NodeSpec::image).containsOnly("img:1");
    }
}
