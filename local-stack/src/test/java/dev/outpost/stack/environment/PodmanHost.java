package dev.outpost.stack.environment;

import java.util.Map;

/** Where the Podman variants of the engine tests find Podman's Docker-compatible service. */
final class PodmanHost {
    private PodmanHost() {
    }

    /** DOCKER_HOST pointing at the service .ci/run starts and names in OUTPOST_TEST_PODMAN_HOST. */
    static Map<String, String> environment() {
        String host = System.getenv("OUTPOST_TEST_PODMAN_HOST");
        if (host == null || host.isBlank()) {
            throw new IllegalStateException("OUTPOST_TEST_PODMAN_HOST is not set: .ci/run starts Podman's service "
                    + "and sets it (e.g. unix:///run/outpost-ci-podman.sock)");
        }
        return Map.of("DOCKER_HOST", host);
    }
}
