package dev.outpost.stack.environment;

import java.util.Map;

/** The idle policy on Podman's Docker-compatible service: its stats and exec answer as Docker's do. */
class PodmanIdleStopIT extends IdleStopIT {
    @Override
    protected Map<String, String> engineEnvironment() {
        String host = System.getenv("OUTPOST_TEST_PODMAN_HOST");
        if (host == null || host.isBlank()) {
            throw new IllegalStateException("OUTPOST_TEST_PODMAN_HOST is not set: .ci/run starts Podman's service "
                    + "and sets it (e.g. unix:///run/outpost-ci-podman.sock)");
        }
        return Map.of("DOCKER_HOST", host);
    }
}
