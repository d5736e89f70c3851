package dev.outpost.stack.cluster.fake;

import dev.outpost.stack.cluster.fake.CobraArgs.Flag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kind load docker-image}: kind's checks and messages. Instead of importing into containerd, the fake records
 * "ID NAME" lines in {@code /kind/loaded-images} inside each selected node, which is also how it answers "already
 * present".
 */
final class KindLoad {
    static final List<Flag> FLAGS = List.of(Flag.string("name", "n", "kind"), Flag.string("nodes", null, ""));
    static final String RECORD = "/kind/loaded-images";

    private final DockerCli docker;
    private final KindLogger log;

    KindLoad(DockerCli docker, KindLogger log) {
        this.docker = docker;
        this.log = log;
    }

    void run(List<String> images, String cluster, List<String> nodeFilter) {
        if (images.isEmpty()) {
            throw new KindError("a list of image names is required");
        }
        List<String> ids = new ArrayList<>();
        for (String image : images) {
            DockerCli.Result r = docker.run("image", "inspect", "-f", "{{ .Id }}", image);
            if (!r.ok()) {
                throw new KindError("image: \"" + image + "\" not present locally");
            }
            ids.add(r.out().strip());
        }
        List<String> nodes = new KindNodes(docker).internal(cluster);
        if (nodes.isEmpty()) {
            throw new KindError("no nodes found for cluster \"" + cluster + "\"");
        }
        List<String> candidates = nodes;
        if (!nodeFilter.isEmpty()) {
            for (String n : nodeFilter) {
                if (!nodes.contains(n)) {
                    throw new KindError("unknown node: \"" + n + "\"");
                }
            }
            candidates = nodeFilter;
        }
        Map<String, List<String>> loaded = new LinkedHashMap<>();
        for (String node : candidates) {
            DockerCli.Result r = docker.run("exec", node, "sh", "-c", "cat " + RECORD + " 2>/dev/null || true");
            if (!r.ok()) {
                throw KindError.of(r).wrap("failed to check image on node " + node);
            }
            loaded.put(node, r.out().lines().toList());
        }
        Map<String, List<String>> toLoad = new LinkedHashMap<>();
        for (int i = 0; i < images.size(); i++) {
            String image = images.get(i);
            String id = ids.get(i);
            boolean processed = false;
            boolean selectedAny = false;
            for (String node : candidates) {
                List<String> lines = loaded.get(node);
                if (lines.contains(id + " " + image)) {
                    continue;
                }
                if (lines.stream().anyMatch(l -> l.startsWith(id + " "))) {
                    log.info("Image with ID: " + id + " already present on the node " + node
                            + " but is missing the tag " + sanitize(image) + ". re-tagging...");
                    append(node, id + " " + image + "\n");
                    processed = true;
                    continue;
                }
                log.info("Image: \"" + image + "\" with ID \"" + id + "\" not yet present on node \"" + node
                        + "\", loading...");
                toLoad.computeIfAbsent(node, k -> new ArrayList<>()).add(id + " " + image);
                selectedAny = true;
            }
            if (!selectedAny && !processed && toLoad.isEmpty()) {
                log.info("Image: \"" + image + "\" with ID \"" + id + "\" found to be already present on all nodes.");
            }
        }
        for (Map.Entry<String, List<String>> e : toLoad.entrySet()) {
            append(e.getKey(), String.join("\n", e.getValue()) + "\n");
        }
    }

    private void append(String node, String lines) {
        DockerCli.Result r = docker.run(List.of("exec", "-i", node, "sh", "-c", "mkdir -p /kind && cat >> " + RECORD),
                lines.getBytes(StandardCharsets.UTF_8));
        if (!r.ok()) {
            throw KindError.of(r).wrap("failed to load image");
        }
    }

    /** docker.io/library/NAME:latest, as kind prints the missing tag. */
    static String sanitize(String image) {
        String name = image;
        if (!name.substring(name.lastIndexOf('/') + 1).contains(":") && !name.contains("@")) {
            name += ":latest";
        }
        String first = name.contains("/") ? name.substring(0, name.indexOf('/')) : "";
        if (!first.contains(".") && !first.contains(":") && !first.equals("localhost")) {
            name = (name.contains("/") ? "docker.io/" : "docker.io/library/") + name;
        }
        return name;
    }
}
