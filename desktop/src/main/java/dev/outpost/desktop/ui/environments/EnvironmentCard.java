package dev.outpost.desktop.ui.environments;

import dev.outpost.stack.environment.ClusterStatus;
import dev.outpost.stack.environment.ServiceStatus;
import java.util.List;
import java.util.Map;

/**
 * One environment as its card shows it: the profile, the engine's view of its services, their
 * connection strings, and what the last action said.
 */
public record EnvironmentCard(String name, String description, String runtime, String state,
                              List<ServiceStatus> services, Map<String, Map<String, String>> connections,
                              ClusterStatus cluster) {
    public EnvironmentCard {
        services = List.copyOf(services);
    }

    /** One line about the cluster under a kind or k3d environment; empty for containers. */
    public String clusterLine() {
        if (cluster == null) {
            return runtime.equals("docker") ? "" : runtime + " cluster: not created yet";
        }
        long running = cluster.nodes().stream().filter(dev.outpost.stack.cluster.NodeInfo::running).count();
        return cluster.runtime() + " cluster " + cluster.name() + " · " + cluster.state() + " · " + running + "/"
                + cluster.nodes().size() + " nodes" + (cluster.kubernetesVersion().isEmpty() ? "" : " · Kubernetes "
                + cluster.kubernetesVersion()) + " · context " + cluster.context();
    }

    /** A cluster Outpost made that did not survive a reboot or an engine restart. */
    public boolean needsRepair() {
        return cluster != null && (cluster.state().equals("stopped") || cluster.state().equals("missing")
                || cluster.state().equals("degraded")) && !state.equals("stopped");
    }
}
