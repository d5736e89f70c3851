package dev.outpost.stack.cluster;

import dev.outpost.profiles.Runtime;
import java.util.List;

/** A cluster read back from the tool and the engine, never from Outpost's own records. */
public record ClusterInfo(String name, Runtime runtime, List<NodeInfo> nodes) {
    public ClusterInfo {
        nodes = List.copyOf(nodes);
    }

    public ClusterState state() {
        if (nodes.isEmpty()) {
            return ClusterState.MISSING;
        }
        long running = nodes.stream().filter(NodeInfo::running).count();
        return running == nodes.size() ? ClusterState.RUNNING : running == 0 ? ClusterState.STOPPED : ClusterState.DEGRADED;
    }

    /** The kubectl context users know: {@code kind-NAME} or {@code k3d-NAME}. */
    public String context() {
        return ClusterProvider.contextName(runtime, name);
    }
}
