package dev.outpost.stack.cluster;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Outpost asks of a local cluster, before any tool's vocabulary: kind and k3d each turn it into their
 * own config file. The API server and every published port listen on 127.0.0.1 only.
 *
 * @param kubernetesVersion e.g. {@code v1.33.1}; empty leaves the tool's default node image
 * @param workers           kind worker nodes, or k3d agents, besides the one control plane / server
 * @param registryMirror    {@code host[:port][/path]} serving docker.io images, as the company mirror does
 */
public record ClusterSpec(String name, Optional<String> kubernetesVersion, int workers, List<PortMapping> ports,
                          Optional<String> registryMirror) {

    public static final String LOOPBACK = "127.0.0.1";

    public ClusterSpec {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?") || name.length() > 50) {
            // Both tools put the name into container and host names; kind warns past 50 characters.
            throw new IllegalArgumentException("cluster name '" + name
                    + "' must be lower-case letters, digits and '-', at most 50 characters");
        }
        if (workers < 0) {
            throw new IllegalArgumentException("workers must be 0 or more");
        }
        ports = List.copyOf(ports);
        kubernetesVersion = kubernetesVersion.map(v -> v.startsWith("v") ? v : "v" + v);
    }

    /** A host port on 127.0.0.1 published to a port on the cluster's nodes (a NodePort, an ingress). */
    public record PortMapping(int hostPort, int containerPort) {
    }
}
