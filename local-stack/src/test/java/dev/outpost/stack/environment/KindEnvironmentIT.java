package dev.outpost.stack.environment;

import dev.outpost.profiles.Runtime;

/** The cluster environment lifecycle on the kind double. */
class KindEnvironmentIT extends ClusterEnvironmentContract {
    @Override
    Runtime runtime() {
        return Runtime.KIND;
    }

    @Override
    String clusterLabel() {
        return "io.x-k8s.kind.cluster";
    }

    @Override
    String failingStep() {
        return "kubeadm-init";
    }

    @Override
    String firstNode() {
        return "outpost-it-kind-control-plane";
    }

    @Override
    String loadedImagesFile() {
        return "/kind/loaded-images";
    }

    @Override
    String mirrorFile() {
        return "/etc/containerd/certs.d/docker.io/hosts.toml";
    }
}
