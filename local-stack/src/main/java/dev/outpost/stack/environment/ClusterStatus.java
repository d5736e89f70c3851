package dev.outpost.stack.environment;

import dev.outpost.stack.cluster.NodeInfo;
import java.util.List;

/**
 * The cluster under a cluster environment, as its card and `outpost status` show it.
 *
 * @param state             running, stopped, degraded or missing
 * @param kubernetesVersion the version asked for, or empty for the tool's default
 */
public record ClusterStatus(String runtime, String name, String state, String context, String kubernetesVersion,
                            List<NodeInfo> nodes, String kubeconfig) {
    public ClusterStatus {
        nodes = List.copyOf(nodes);
    }
}
