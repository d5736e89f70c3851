package dev.outpost.stack.cluster.fake;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code k3d image import}: checks images exist (or are tarballs), then records "ID NAME" lines in
 * {@code /k3d/loaded-images} inside every server and agent node instead of a containerd import.
 */
final class K3dImages {
    static final String RECORD = "/k3d/loaded-images";

    private final DockerCli docker;
    private final K3dLog log;

    K3dImages(DockerCli docker, K3dLog log) {
        this.docker = docker;
        this.log = log;
    }

    void run(CobraArgs.Parsed p) {
        if (p.positionals().isEmpty()) {
            throw new CobraArgs.UsageError("requires at least 1 arg(s), only received 0");
        }
        String mode = p.string("mode");
        if (!List.of("auto", "direct", "tools-node").contains(mode)) {
            throw log.fatal("Unknown image loading mode '" + mode + "'");
        }
        List<String> names = p.array("cluster").isEmpty() ? List.of("k3s-default") : p.array("cluster");
        Map<String, K3dNodes.Cluster> all = new K3dNodes(docker, log).clusters();
        List<K3dNodes.Cluster> clusters = new ArrayList<>();
        for (String n : names) {
            if (!all.containsKey(n)) {
                throw log.fatal("failed to get cluster " + n + ": No nodes found for given cluster");
            }
            clusters.add(all.get(n));
        }
        boolean failed = false;
        for (K3dNodes.Cluster c : clusters) {
            log.info("Importing image(s) into cluster '" + c.name() + "'");
            try {
                importInto(c, p.positionals());
            } catch (IllegalStateException e) {
                log.error("Failed to import image(s) into cluster '" + c.name() + "': " + e.getMessage());
                failed = true;
            }
        }
        if (failed) {
            log.warn("At least one error occured while trying to import the image(s) into the selected cluster(s)");
            throw new K3dLog.Fatal("import failed");
        }
        log.info("Successfully imported " + p.positionals().size() + " image(s) into " + clusters.size()
                + " cluster(s)");
    }

    private void importInto(K3dNodes.Cluster c, List<String> images) {
        StringBuilder lines = new StringBuilder();
        for (String image : images) {
            DockerCli.Result r = docker.run("image", "inspect", "-f", "{{ .Id }}", image);
            if (r.ok()) {
                lines.append(r.out().strip()).append(' ').append(image).append('\n');
            } else if (Files.isRegularFile(Path.of(image))) {
                lines.append("tarball ").append(image).append('\n');
            } else {
                throw new IllegalStateException("failed to find image '" + image
                        + "' in the container runtime nor as a file");
            }
        }
        log.info("Saving " + images.size() + " image(s) from runtime...");
        log.info("Importing images into nodes...");
        for (K3dNodes.NodeInfo n : c.nodes()) {
            if (n.role().equals("loadbalancer")) {
                continue;
            }
            if (!n.running()) {
                throw new IllegalStateException("failed to import images in node '" + n.name() + "': Node '"
                        + n.name() + "' is not running");
            }
            log.info("Importing images from tarball '/k3d/images/k3d-" + c.name() + "-images.tar' into node '"
                    + n.name() + "'...");
            DockerCli.Result r = docker.run(List.of("exec", "-i", n.name(), "sh", "-c", "mkdir -p /k3d && cat >> "
                    + RECORD), lines.toString().getBytes(StandardCharsets.UTF_8));
            if (!r.ok()) {
                throw new IllegalStateException("failed to import images in node '" + n.name() + "': "
                        + r.err().strip());
            }
        }
        log.info("Successfully imported image(s)");
    }
}
