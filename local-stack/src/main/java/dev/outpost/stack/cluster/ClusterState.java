package dev.outpost.stack.cluster;

/** Derived from node containers: kind and k3d clusters often come back stopped or gone after a reboot. */
public enum ClusterState {
    RUNNING,
    /** Every node container exists but none runs: start it. */
    STOPPED,
    /** Some nodes run, some do not: repair restarts the others. */
    DEGRADED,
    /** No node container: the cluster must be created again. */
    MISSING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
