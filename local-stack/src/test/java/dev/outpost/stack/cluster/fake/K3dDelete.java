package dev.outpost.stack.cluster.fake;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** k3d's ClusterDelete: node containers, the cluster network and image volume, then the kubeconfig entries. */
final class K3dDelete {
    private final FakeEnvironment env;
    private final DockerCli docker;
    private final K3dLog log;

    K3dDelete(FakeEnvironment env, DockerCli docker, K3dLog log) {
        this.env = env;
        this.docker = docker;
        this.log = log;
    }

    /** Removes the runtime objects; returns false (after logging) when docker refused. */
    boolean deleteRuntime(String cluster, List<String> nodeNames) {
        log.info("Deleting cluster '" + cluster + "'");
        boolean ok = true;
        if (!nodeNames.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("rm", "-f", "-v"));
            args.addAll(nodeNames);
            DockerCli.Result r = docker.run(args);
            if (!r.ok()) {
                log.error("Failed to delete nodes: " + r.err().strip());
                ok = false;
            }
        }
        String network = "k3d-" + cluster;
        if (docker.run("network", "inspect", network).ok()) {
            log.info("Deleting cluster network '" + network + "'");
            DockerCli.Result r = docker.run("network", "rm", network);
            if (!r.ok()) {
                log.warn("Failed to delete cluster network '" + network + "': " + r.err().strip());
            }
        }
        String volume = "k3d-" + cluster + "-images";
        if (docker.run("volume", "inspect", volume).ok()) {
            log.info("Deleting 1 attached volumes...");
            DockerCli.Result r = docker.run("volume", "rm", "-f", volume);
            if (!r.ok()) {
                log.warn("Failed to delete volume '" + volume + "' of cluster '" + cluster + "': " + r.err().strip());
            }
        }
        return ok;
    }

    /** The {@code cluster delete} command's kubeconfig clean-up and success line. */
    void cleanKubeconfigs(String cluster) {
        K3dKubeconfig kc = new K3dKubeconfig(env, docker, new K3dNodes(docker, log));
        log.info("Removing cluster details from default kubeconfig...");
        try {
            Kubeconfigs.remove(kc.defaultPath(), K3dKubeconfig.context(cluster), K3dKubeconfig.user(cluster));
        } catch (IOException | IllegalStateException e) {
            log.warn("Failed to remove cluster details from default kubeconfig: " + e.getMessage());
        }
        log.info("Removing standalone kubeconfig file (if there is one)...");
        try {
            Files.deleteIfExists(kc.standalonePath(cluster));
        } catch (IOException e) {
            log.warn("Failed to remove standalone kubeconfig file: " + e.getMessage());
        }
    }
}
