package dev.outpost.stack.cluster.k3d;

import dev.outpost.profiles.Runtime;
import dev.outpost.stack.cluster.ClusterInfo;
import dev.outpost.stack.cluster.NodeInfo;
import dev.outpost.stack.process.UnexpectedOutputException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code k3d cluster list -o json}: a JSON array of clusters with their nodes. Only the fields k3d has
 * kept stable are used (name, nodes[].name/role/State.Running); the load balancer counts as a node because
 * a cluster whose load balancer is down does not answer on its API port.
 */
public final class K3dClusterList {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private K3dClusterList() {
    }

    public static List<ClusterInfo> parse(String stdout) {
        JsonNode root;
        try {
            root = JSON.readTree(stdout.isBlank() ? "[]" : stdout);
        } catch (JacksonException e) {
            throw new UnexpectedOutputException("k3d cluster list -o json", "a JSON array", stdout);
        }
        if (!root.isArray()) {
            throw new UnexpectedOutputException("k3d cluster list -o json", "a JSON array", stdout);
        }
        List<ClusterInfo> out = new ArrayList<>();
        for (JsonNode c : root) {
            List<NodeInfo> nodes = new ArrayList<>();
            for (JsonNode n : c.path("nodes")) {
                String role = n.path("role").asString("");
                if (role.equals("registry")) {
                    continue;
                }
                nodes.add(new NodeInfo(n.path("name").asString(""), role, n.path("State").path("Running").asBoolean(false)));
            }
            out.add(new ClusterInfo(c.path("name").asString(""), Runtime.K3D, nodes));
        }
        return out;
    }
}
