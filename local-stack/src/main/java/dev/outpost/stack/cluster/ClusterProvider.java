package dev.outpost.stack.cluster;

import dev.outpost.profiles.Runtime;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One local-cluster tool (kind or k3d) driven through its CLI. A handful of verbs, as kind's own node
 * providers have; state is always read back from the tool and the engine.
 * Every method throws {@link ClusterException} with a {@link ClusterFailure} when the tool fails.
 */
public interface ClusterProvider {

    Runtime runtime();

    /**
     * Creates the cluster from a generated config file (kept beside the kubeconfig, for users to read) and
     * writes its kubeconfig to {@code kubeconfig} with mode 0600, leaving the user's kubeconfig alone.
     */
    void create(ClusterSpec spec, Path workDir, Path kubeconfig, ClusterListener listener) throws InterruptedException;

    void start(String name, ClusterListener listener) throws InterruptedException;

    void stop(String name, ClusterListener listener) throws InterruptedException;

    /** Deleting a cluster that does not exist succeeds, as with both tools. */
    void delete(String name, ClusterListener listener) throws InterruptedException;

    List<ClusterInfo> list() throws InterruptedException;

    default Optional<ClusterInfo> find(String name) throws InterruptedException {
        return list().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The cluster's kubeconfig as the tool prints it, API server on 127.0.0.1. */
    String kubeconfig(String name) throws InterruptedException;

    /** Copies images from the host's engine into every node, so pods start without a registry. */
    void loadImages(String name, List<String> images, ClusterListener listener) throws InterruptedException;

    static String contextName(Runtime runtime, String cluster) {
        return runtime.id() + "-" + cluster;
    }
}
