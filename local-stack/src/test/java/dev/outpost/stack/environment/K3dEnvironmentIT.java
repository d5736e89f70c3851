package dev.outpost.stack.environment;

import dev.outpost.profiles.Runtime;

/** The cluster environment lifecycle on the k3d double. */
class K3dEnvironmentIT extends ClusterEnvironmentContract {
    @Override
    Runtime runtime() {
        return Runtime.K3D;
    }

    @Override
    String clusterLabel() {
        return "k3d.cluster";
    }

    @Override
    String failingStep() {
        return "start-servers";
    }

    @Override
    String firstNode() {
        return "k3d-outpost-it-k3d-server-0";
    }

    @Override
    String loadedImagesFile() {
        return "/k3d/loaded-images";
    }

    @Override
    String mirrorFile() {
        return "/etc/rancher/k3s/registries.yaml";
    }
}
