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
}
