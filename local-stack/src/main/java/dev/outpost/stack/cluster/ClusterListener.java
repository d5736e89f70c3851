package dev.outpost.stack.cluster;

/** Hears a cluster tool at work. Called from the process runner's reader threads: be quick. */
public interface ClusterListener {
    ClusterListener NONE = new ClusterListener() {
    };

    /** A step began, in the tool's words without decoration, e.g. "Preparing nodes" or "Creating node 'k3d-dev-server-0'". */
    default void step(String step) {
    }

    /** Every output line, for the log pane. */
    default void line(String line) {
    }
}
