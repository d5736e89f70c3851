package dev.outpost.stack.cluster.kind;

import dev.outpost.stack.cluster.ClusterSpec;
import dev.outpost.stack.cluster.ConfigYaml;
import dev.outpost.stack.cluster.RegistryMirror;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code kind.x-k8s.io/v1alpha4} Cluster config for a spec: one control plane plus the workers, the API
 * server on 127.0.0.1 (a random port, kind's default), every extra port mapping on 127.0.0.1, and, with a
 * registry mirror, containerd told to read per-registry {@code hosts.toml} files, the pattern kind documents
 * for mirrors (see {@link KindMirrorHosts} for the files themselves).
 */
public final class KindConfig {
    public static final String API_VERSION = "kind.x-k8s.io/v1alpha4";
    static final String CERTS_DIR = "/etc/containerd/certs.d";

    private KindConfig() {
    }

    public static String render(ClusterSpec spec) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("kind", "Cluster");
        root.put("apiVersion", API_VERSION);
        root.put("name", spec.name());
        Optional<String> image = spec.kubernetesVersion().map(KindNodeImages::forVersion);

        List<Map<String, Object>> nodes = new ArrayList<>();
        Map<String, Object> controlPlane = node("control-plane", image);
        if (!spec.ports().isEmpty()) {
            List<Map<String, Object>> mappings = new ArrayList<>();
            for (ClusterSpec.PortMapping p : spec.ports()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("containerPort", p.containerPort());
                m.put("hostPort", p.hostPort());
                m.put("listenAddress", ClusterSpec.LOOPBACK);
                m.put("protocol", "TCP");
                mappings.add(m);
            }
            controlPlane.put("extraPortMappings", mappings);
        }
        nodes.add(controlPlane);
        for (int i = 0; i < spec.workers(); i++) {
            nodes.add(node("worker", image));
        }
        root.put("nodes", nodes);

        Map<String, Object> networking = new LinkedHashMap<>();
        networking.put("apiServerAddress", ClusterSpec.LOOPBACK);
        root.put("networking", networking);

        spec.registryMirror().map(RegistryMirror::parse).ifPresent(m -> root.put("containerdConfigPatches", List.of(
                "[plugins.\"io.containerd.grpc.v1.cri\".registry]\n  config_path = \"" + CERTS_DIR + "\"\n")));
        return ConfigYaml.write(root);
    }

    private static Map<String, Object> node(String role, Optional<String> image) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("role", role);
        image.ifPresent(i -> n.put("image", i));
        return n;
    }
}
