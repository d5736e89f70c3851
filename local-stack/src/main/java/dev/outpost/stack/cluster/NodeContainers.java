package dev.outpost.stack.cluster;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.async.ResultCallback;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A cluster's node containers on the engine, found by the tool's cluster label. kind has no stop or start
 * command, so its nodes are stopped and started here, as kind's maintainers advise (kind#1867).
 */
public final class NodeContainers {
    private final Supplier<DockerClient> docker;
    private final String clusterLabel;
    private final String roleLabel;

    public NodeContainers(Supplier<DockerClient> docker, String clusterLabel, String roleLabel) {
        this.docker = docker;
        this.clusterLabel = clusterLabel;
        this.roleLabel = roleLabel;
    }

    /** Every node of every cluster, stopped ones too, by cluster name. */
    public Map<String, List<NodeInfo>> all() {
        List<Container> containers = docker.get().listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(clusterLabel)).exec();
        Map<String, List<NodeInfo>> out = new java.util.TreeMap<>();
        for (Container c : containers) {
            String cluster = c.getLabels().get(clusterLabel);
            out.computeIfAbsent(cluster, k -> new ArrayList<>()).add(info(c));
        }
        out.values().forEach(l -> l.sort(Comparator.comparing(NodeInfo::name)));
        return out;
    }

    public List<NodeInfo> of(String cluster) {
        return containersOf(cluster).stream().map(this::info).sorted(Comparator.comparing(NodeInfo::name)).toList();
    }

    /**
     * Starts control planes before workers: workers join through the API server.
     *
     * @return how many nodes there were
     */
    public int start(String cluster, Function<String, Integer> rolePriority) {
        List<Container> nodes = new ArrayList<>(containersOf(cluster));
        nodes.sort(Comparator.comparing(c -> rolePriority.apply(c.getLabels().getOrDefault(roleLabel, ""))));
        for (Container c : nodes) {
            if (!"running".equals(c.getState())) {
                try {
                    docker.get().startContainerCmd(c.getId()).exec();
                } catch (NotModifiedException alreadyRunning) {
                    // Started by someone else in the meantime: that is what we wanted.
                }
            }
        }
        return nodes.size();
    }

    /** Stops workers before control planes, the reverse of {@link #start}. */
    public int stop(String cluster, Function<String, Integer> rolePriority) {
        List<Container> nodes = new ArrayList<>(containersOf(cluster));
        nodes.sort(Comparator.comparing((Container c) -> rolePriority.apply(c.getLabels().getOrDefault(roleLabel, ""))).reversed());
        for (Container c : nodes) {
            if ("running".equals(c.getState())) {
                try {
                    docker.get().stopContainerCmd(c.getId()).withTimeout(30).exec();
                } catch (NotModifiedException alreadyStopped) {
                    // Stopped in the meantime.
                }
            }
        }
        return nodes.size();
    }

    /** Writes a file inside one running node through its own shell, so the file gets the node's ownership. */
    public void writeFile(String container, String path, String content) throws InterruptedException {
        String dir = path.substring(0, path.lastIndexOf('/'));
        String id = docker.get().execCreateCmd(container)
                .withCmd("sh", "-c", "mkdir -p \"$1\" && printf '%s' \"$2\" > \"$3\"", "sh", dir, content, path)
                .withAttachStdout(true).withAttachStderr(true).exec().getId();
        StringBuilder output = new StringBuilder();
        docker.get().execStartCmd(id).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                output.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }).awaitCompletion(30, TimeUnit.SECONDS);
        Long exit = docker.get().inspectExecCmd(id).exec().getExitCodeLong();
        if (exit == null || exit != 0) {
            throw new ClusterException(ClusterFailure.FAILED, "could not write " + path + " in node " + container,
                    "", output.toString().lines().toList(), null);
        }
    }

    private List<Container> containersOf(String cluster) {
        return docker.get().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(clusterLabel, cluster)).exec();
    }

    private NodeInfo info(Container c) {
        String name = c.getNames() == null || c.getNames().length == 0 ? c.getId() : c.getNames()[0].replaceFirst("^/", "");
        return new NodeInfo(name, c.getLabels().getOrDefault(roleLabel, ""), "running".equals(c.getState()));
    }
}
