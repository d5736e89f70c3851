package dev.outpost.stack.cluster.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** kind's docker provider queries: nodes are containers labelled {@code io.x-k8s.kind.cluster=<name>}. */
final class KindNodes {
    static final String CLUSTER_LABEL = "io.x-k8s.kind.cluster";
    static final String ROLE_LABEL = "io.x-k8s.kind.role";
    static final String NETWORK = "kind";

    private final DockerCli docker;

    KindNodes(DockerCli docker) {
        this.docker = docker;
    }

    /** {@code docker ps -a --filter label=...=NAME --format '{{.Names}}'}; errors wrapped "failed to list nodes". */
    List<String> list(String cluster) {
        DockerCli.Result r = docker.run("ps", "-a", "--filter", "label=" + CLUSTER_LABEL + "=" + cluster, "--format",
                "{{.Names}}");
        if (!r.ok()) {
            throw KindError.of(r).wrap("failed to list nodes");
        }
        return lines(r.out());
    }

    List<String> listAll() {
        DockerCli.Result r = docker.run("ps", "-a", "--filter", "label=" + CLUSTER_LABEL, "--format", "{{.Names}}");
        if (!r.ok()) {
            throw KindError.of(r).wrap("failed to list nodes");
        }
        return lines(r.out());
    }

    /** Sorted, de-duplicated cluster names, stopped ones included. */
    List<String> clusters() {
        DockerCli.Result r = docker.run("ps", "-a", "--filter", "label=" + CLUSTER_LABEL, "--format",
                "{{.Label \"" + CLUSTER_LABEL + "\"}}");
        if (!r.ok()) {
            throw KindError.of(r).wrap("failed to list clusters");
        }
        return List.copyOf(new TreeSet<>(lines(r.out())));
    }

    /** Nodes with the given role, sorted by name (kind's bootstrap control plane is the first). */
    List<String> withRole(String cluster, String role) {
        DockerCli.Result r = docker.run("ps", "-a", "--filter", "label=" + CLUSTER_LABEL + "=" + cluster, "--filter",
                "label=" + ROLE_LABEL + "=" + role, "--format", "{{.Names}}");
        if (!r.ok()) {
            throw KindError.of(r).wrap("failed to list nodes");
        }
        return List.copyOf(new TreeSet<>(lines(r.out())));
    }

    /** Nodes other than the external load balancer, in docker ps order. */
    List<String> internal(String cluster) {
        List<String> lbs = withRole(cluster, "external-load-balancer");
        List<String> out = new ArrayList<>(list(cluster));
        out.removeAll(lbs);
        return out;
    }

    void delete(List<String> nodes) {
        List<String> args = new ArrayList<>(List.of("rm", "-f", "-v"));
        args.addAll(nodes);
        DockerCli.Result r = docker.run(args);
        if (!r.ok()) {
            throw KindError.of(r).wrap("failed to delete nodes");
        }
    }

    /** The host side of a node's 6443/tcp publish, "address\tport", from its port bindings (kept when stopped). */
    String apiServerBinding(String node) {
        DockerCli.Result r = docker.run("inspect", "--format",
                "{{ with (index (index .HostConfig.PortBindings \"6443/tcp\") 0) }}{{ printf \"%s\\t%s\" .HostIp"
                        + " .HostPort }}{{ end }}", node);
        if (!r.ok()) {
            throw KindError.of(r).wrap("failed to get api server endpoint");
        }
        return r.out().strip();
    }

    private static List<String> lines(String out) {
        return out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
