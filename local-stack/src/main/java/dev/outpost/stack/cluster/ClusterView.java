package dev.outpost.stack.cluster;

import dev.outpost.profiles.Runtime;
import java.util.List;
import java.util.Optional;

/**
 * A cluster as the CLI and the window show it: what the engine says, joined with what Outpost recorded.
 * A cluster Outpost owns that the engine no longer has appears with no nodes, state MISSING.
 */
public record ClusterView(String name, Runtime runtime, List<NodeInfo> nodes, Optional<OwnedCluster> owned) {
    public ClusterView {
        nodes = List.copyOf(nodes);
    }

    public ClusterState state() {
        return new ClusterInfo(name, runtime, nodes).state();
    }

    public String context() {
        return ClusterProvider.contextName(runtime, name);
    }

    public Optional<String> kubernetesVersion() {
        return owned.flatMap(o -> o.spec().kubernetesVersion());
    }

    public Optional<String> environment() {
        return owned.map(OwnedCluster::environment).filter(e -> !e.isEmpty());
    }

    /** What `repair` would do: nothing, start the nodes, or create the cluster again. */
    public String repairAction() {
        return switch (state()) {
            case RUNNING -> "none";
            case STOPPED, DEGRADED -> "start";
            case MISSING -> owned.isPresent() ? "recreate" : "none";
        };
    }
}
