package dev.outpost.stack.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnownFailuresTest {

    @Test
    void mapsTheToolsOwnWordsToAFailureAUserCanAct_on() {
        assertThat(KnownFailures.classify(List.of(
                "ERROR: failed to create cluster: failed to get docker info: command \"docker info --format '{{json .}}'\" failed with error: exit status 1",
                "Command Output: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?")))
                .contains(ClusterFailure.ENGINE_NOT_RUNNING);
        assertThat(KnownFailures.classify(List.of(
                "ERROR: failed to create cluster: node(s) already exist for a cluster with the name \"kind\"")))
                .contains(ClusterFailure.ALREADY_EXISTS);
        assertThat(KnownFailures.classify(List.of(
                "FATA[0000] Failed to create cluster 'dev' because a cluster with that name already exists")))
                .contains(ClusterFailure.ALREADY_EXISTS);
        assertThat(KnownFailures.classify(List.of(
                "docker: Error response from daemon: driver failed programming external connectivity on endpoint kind-control-plane (ab): Bind for 0.0.0.0:80 failed: port is already allocated.")))
                .contains(ClusterFailure.PORT_IN_USE);
        assertThat(KnownFailures.classify(List.of(" ✗ Ensuring node image (kindest/node:v9.9.9) 🖼",
                "ERROR: failed to create cluster: failed to pull image \"kindest/node:v9.9.9\"")))
                .contains(ClusterFailure.NODE_IMAGE_NOT_FOUND);
        assertThat(KnownFailures.classify(List.of(
                "ERROR: could not locate any control plane nodes for cluster named 'x'. Use the --name option to select a different cluster")))
                .contains(ClusterFailure.NOT_FOUND);
        assertThat(KnownFailures.classify(List.of("ERROR: something else"))).isEmpty();
    }

    @Test
    void anEngineThatIsDownExplainsEverythingAfterIt() {
        assertThat(KnownFailures.classify(List.of("failed to pull image \"x\"",
                "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?")))
                .contains(ClusterFailure.ENGINE_NOT_RUNNING);
    }

    @Test
    void stripsColourCodes() {
        assertThat(KnownFailures.stripAnsi("\u001B[36mINFO\u001B[0m[0003] Starting cluster 'dev'"))
                .isEqualTo("INFO[0003] Starting cluster 'dev'");
    }
}
