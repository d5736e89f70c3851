package dev.outpost.stack.cluster.fake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code k3d cluster list}: the tabwriter table and the {@code -o json|yaml} Cluster objects with their counters. */
final class K3dList {
    private final K3dNodes nodes;

    K3dList(K3dNodes nodes) {
        this.nodes = nodes;
    }

    static String table(List<K3dNodes.Cluster> clusters, boolean headers, boolean token,
            Map<String, String> tokens) {
        List<List<String>> rows = new ArrayList<>();
        if (headers) {
            List<String> h = new ArrayList<>(List.of("NAME", "SERVERS", "AGENTS", "LOADBALANCER"));
            if (token) {
                h.add("TOKEN");
            }
            rows.add(h);
        }
        for (K3dNodes.Cluster c : clusters) {
            List<String> r = new ArrayList<>(List.of(c.name(),
                    c.running("server") + "/" + c.role("server").size(),
                    c.running("agent") + "/" + c.role("agent").size(),
                    Boolean.toString(!c.role("loadbalancer").isEmpty())));
            if (token) {
                r.add(tokens.getOrDefault(c.name(), ""));
            }
            rows.add(r);
        }
        return tabwrite(rows);
    }

    /** Go's text/tabwriter with minwidth 6, padding 3, cells terminated by tabs (the last column is not). */
    static String tabwrite(List<List<String>> rows) {
        int cols = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] width = new int[cols];
        for (List<String> r : rows) {
            for (int i = 0; i < r.size() - 1; i++) {
                width[i] = Math.max(width[i], Math.max(r.get(i).length() + 3, 6));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                String cell = r.get(i);
                sb.append(i < r.size() - 1 ? cell + " ".repeat(width[i] - cell.length()) : cell);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The internal Cluster objects (json tags as k3d's types.Cluster/types.Node) for -o json / -o yaml. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> objects(List<K3dNodes.Cluster> clusters, boolean token) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> ids = clusters.stream().flatMap(c -> c.nodes().stream()).map(K3dNodes.NodeInfo::id).toList();
        Map<String, Map<String, Object>> inspected = new LinkedHashMap<>();
        for (Map<String, Object> i : nodes.inspect(ids)) {
            inspected.put(((String) i.get("Name")).replaceFirst("^/", ""), i);
        }
        for (K3dNodes.Cluster c : clusters) {
            Map<String, Object> cluster = new LinkedHashMap<>();
            cluster.put("name", c.name());
            Map<String, Object> network = new LinkedHashMap<>();
            network.put("name", "k3d-" + c.name());
            network.put("id", "");
            network.put("isExternal", false);
            network.put("Members", null);
            cluster.put("network", network);
            String clusterToken = "";
            List<Map<String, Object>> nodeObjects = new ArrayList<>();
            for (K3dNodes.NodeInfo n : c.nodes()) {
                Map<String, Object> i = inspected.getOrDefault(n.name(), Map.of());
                Map<String, Object> config = (Map<String, Object>) i.getOrDefault("Config", Map.of());
                Map<String, Object> hostConfig = (Map<String, Object>) i.getOrDefault("HostConfig", Map.of());
                Map<String, Object> state = (Map<String, Object>) i.getOrDefault("State", Map.of());
                Map<String, Object> labels = (Map<String, Object>) config.getOrDefault("Labels", Map.of());
                clusterToken = (String) labels.getOrDefault("k3d.cluster.token", clusterToken);
                Map<String, Object> node = new LinkedHashMap<>();
                node.put("name", n.name());
                node.put("role", n.role());
                node.put("image", config.get("Image"));
                node.put("volumes", hostConfig.get("Binds"));
                node.put("env", config.get("Env"));
                node.put("Cmd", config.get("Cmd"));
                node.put("Args", null);
                node.put("portMappings", hostConfig.get("PortBindings"));
                node.put("restart", true);
                node.put("created", i.get("Created"));
                node.put("runtimeLabels", labels);
                node.put("networks", List.of("k3d-" + c.name()));
                if (n.role().equals("server")) {
                    Map<String, Object> kubeApi = new LinkedHashMap<>();
                    kubeApi.put("host", labels.get("k3d.server.api.host"));
                    kubeApi.put("hostIP", labels.get("k3d.server.api.hostIP"));
                    kubeApi.put("port", labels.get("k3d.server.api.port"));
                    node.put("serverOpts", Map.of("kubeAPI", kubeApi));
                } else {
                    node.put("serverOpts", Map.of());
                }
                node.put("agentOpts", Map.of());
                Map<String, Object> st = new LinkedHashMap<>();
                st.put("Running", n.running());
                st.put("Status", state.getOrDefault("Status", n.state()));
                st.put("Started", state.getOrDefault("StartedAt", ""));
                node.put("State", st);
                node.put("IP", Map.of("IP", ipOf(i, c.name()), "Static", false));
                nodeObjects.add(node);
            }
            if (token) {
                cluster.put("clusterToken", clusterToken);
            }
            cluster.put("nodes", nodeObjects);
            cluster.put("InitNode", null);
            cluster.put("imageVolume", "k3d-" + c.name() + "-images");
            cluster.put("serversRunning", c.running("server"));
            cluster.put("serversCount", c.role("server").size());
            cluster.put("agentsRunning", c.running("agent"));
            cluster.put("agentsCount", c.role("agent").size());
            if (!c.role("loadbalancer").isEmpty()) {
                cluster.put("hasLoadbalancer", true);
            }
            out.add(cluster);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static String ipOf(Map<String, Object> inspect, String cluster) {
        Map<String, Object> ns = (Map<String, Object>) inspect.getOrDefault("NetworkSettings", Map.of());
        Map<String, Object> nets = (Map<String, Object>) ns.getOrDefault("Networks", Map.of());
        Object net = nets == null ? null : nets.get("k3d-" + cluster);
        return net instanceof Map<?, ?> m && m.get("IPAddress") instanceof String s ? s : "";
    }
}
