package dev.outpost.stack.cluster.k3d;

import dev.outpost.stack.cluster.ClusterSpec;
import dev.outpost.stack.cluster.ConfigYaml;
import dev.outpost.stack.cluster.RegistryMirror;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code k3d.io/v1alpha5} Simple config for a spec: one server plus the agents, the API on 127.0.0.1 at a
 * port Outpost picked, ports published on the load balancer at 127.0.0.1, docker.io pulls through the
 * registry mirror (a k3s {@code registries.yaml}), and the user's kubeconfig left alone: Outpost keeps the
 * cluster's own and merges it only when asked.
 */
public final class K3dConfig {
    public static final String API_VERSION = "k3d.io/v1alpha5";
    public static final String K3S_REPOSITORY = "rancher/k3s";

    private K3dConfig() {
    }

    public static String render(ClusterSpec spec, int apiPort) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("apiVersion", API_VERSION);
        root.put("kind", "Simple");
        root.put("metadata", Map.of("name", spec.name()));
        root.put("servers", 1);
        root.put("agents", spec.workers());
        Map<String, Object> api = new LinkedHashMap<>();
        api.put("host", ClusterSpec.LOOPBACK);
        api.put("hostIP", ClusterSpec.LOOPBACK);
        api.put("hostPort", Integer.toString(apiPort));
        root.put("kubeAPI", api);
        spec.kubernetesVersion().ifPresent(v -> root.put("image", k3sImage(v)));
        if (!spec.ports().isEmpty()) {
            List<Map<String, Object>> ports = new ArrayList<>();
            for (ClusterSpec.PortMapping p : spec.ports()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("port", ClusterSpec.LOOPBACK + ":" + p.hostPort() + ":" + p.containerPort());
                m.put("nodeFilters", List.of("loadbalancer"));
                ports.add(m);
            }
            root.put("ports", ports);
        }
        spec.registryMirror().map(RegistryMirror::parse)
                .ifPresent(m -> root.put("registries", Map.of("config", registriesYaml(m))));

        Map<String, Object> k3d = new LinkedHashMap<>();
        k3d.put("wait", true);
        k3d.put("timeout", "300s");
        Map<String, Object> kubeconfig = new LinkedHashMap<>();
        kubeconfig.put("updateDefaultKubeconfig", false);
        kubeconfig.put("switchCurrentContext", false);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("k3d", k3d);
        options.put("kubeconfig", kubeconfig);
        root.put("options", options);
        return ConfigYaml.write(root);
    }

    /** k3s images are tagged {@code v1.33.1-k3s1}; a plain Kubernetes version gets the first k3s build of it. */
    public static String k3sImage(String kubernetesVersion) {
        String v = kubernetesVersion.startsWith("v") ? kubernetesVersion : "v" + kubernetesVersion;
        return K3S_REPOSITORY + ":" + (v.contains("-k3s") ? v : v + "-k3s1");
    }

    /** The k3s registries.yaml that sends docker.io pulls to the mirror. */
    public static String registriesYaml(RegistryMirror mirror) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("endpoint", List.of(mirror.url().toString()));
        Map<String, Object> mirrors = new LinkedHashMap<>();
        mirrors.put("docker.io", endpoint);
        return ConfigYaml.write(Map.of("mirrors", mirrors));
    }
}
