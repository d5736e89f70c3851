package dev.outpost.stack.cluster.fake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** k3d's view of the engine: containers labelled {@code app=k3d}, grouped by {@code k3d.cluster}. */
final class K3dNodes {
    static final String VERSION = "v5.9.0";
    static final String K3S_VERSION = "v1.33.1-k3s1";

    /** One node container as {@code docker ps} reports it. */
    record NodeInfo(String id, String name, String cluster, String role, String state) {
        boolean running() {
            return state.equals("running");
        }
    }

    /** A cluster: its nodes, servers first as k3d orders them. */
    record Cluster(String name, List<NodeInfo> nodes) {
        List<NodeInfo> role(String role) {
            return nodes.stream().filter(n -> n.role().equals(role)).toList();
        }

        long running(String role) {
            return role(role).stream().filter(NodeInfo::running).count();
        }
    }

    private final DockerCli docker;
    private final K3dLog log;

    K3dNodes(DockerCli docker, K3dLog log) {
        this.docker = docker;
        this.log = log;
    }

    /** Every k3d cluster, sorted by name. */
    Map<String, Cluster> clusters() {
        DockerCli.Result r = docker.run("ps", "-a", "--filter", "label=app=k3d", "--format",
                "{{.ID}}\t{{.Names}}\t{{.Label \"k3d.cluster\"}}\t{{.Label \"k3d.role\"}}\t{{.State}}");
        if (!r.ok()) {
            throw log.fatal("runtime failed to list nodes: docker failed to get containers with labels "
                    + "'map[app:k3d]': " + r.err().strip());
        }
        Map<String, List<NodeInfo>> byCluster = new TreeMap<>();
        for (String line : r.out().lines().filter(l -> !l.isBlank()).toList()) {
            String[] f = line.split("\t", -1);
            if (f[2].isEmpty() || f[3].equals("registry") || f[3].equals("noRole")) {
                continue;
            }
            byCluster.computeIfAbsent(f[2], k -> new ArrayList<>()).add(new NodeInfo(f[0], f[1], f[2], f[3], f[4]));
        }
        Map<String, Cluster> out = new LinkedHashMap<>();
        byCluster.forEach((name, nodes) -> {
            List<NodeInfo> sorted = new ArrayList<>(nodes);
            sorted.sort((a, b) -> {
                int ra = List.of("server", "agent", "loadbalancer").indexOf(a.role());
                int rb = List.of("server", "agent", "loadbalancer").indexOf(b.role());
                return ra != rb ? Integer.compare(ra, rb) : a.name().compareTo(b.name());
            });
            out.put(name, new Cluster(name, sorted));
        });
        return out;
    }

    /** {@code docker inspect} of the given containers, parsed. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> inspect(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> args = new ArrayList<>(List.of("inspect"));
        args.addAll(ids);
        DockerCli.Result r = docker.run(args);
        if (!r.ok()) {
            throw log.fatal("docker failed to inspect nodes: " + r.err().strip());
        }
        return (List<Map<String, Object>>) Json.parse(r.out());
    }

    /** A file from a (possibly stopped) container, via {@code docker cp NODE:PATH -} (a tar stream). */
    String copyOut(String node, String path) {
        DockerCli.Result r = docker.runBinary(List.of("cp", node + ":" + path, "-"));
        if (!r.ok()) {
            return null;
        }
        return untarFirst(r.binaryOut());
    }

    private static String untarFirst(byte[] tar) {
        if (tar.length < 512) {
            return null;
        }
        String sizeField = new String(tar, 124, 12, StandardCharsets.US_ASCII).trim().replace("\0", "");
        int size = Integer.parseInt(sizeField.isEmpty() ? "0" : sizeField, 8);
        return new String(tar, 512, Math.min(size, tar.length - 512), StandardCharsets.UTF_8);
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toByteArray();
    }
}
