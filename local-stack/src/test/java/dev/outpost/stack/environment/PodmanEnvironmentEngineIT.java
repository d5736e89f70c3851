package dev.outpost.stack.environment;

import java.util.Map;

/**
 * The same behaviour on Podman's Docker-compatible service (`podman system service`), which .ci/run
 * starts and names in OUTPOST_TEST_PODMAN_HOST.
 */
class PodmanEnvironmentEngineIT extends EnvironmentEngineIT {
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
