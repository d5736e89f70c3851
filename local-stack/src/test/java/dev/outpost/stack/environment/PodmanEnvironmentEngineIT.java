package dev.outpost.stack.environment;

import java.util.Map;

/**
 * The same behaviour on Podman's Docker-compatible service (`podman system service`), which .ci/run
 * starts and names in OUTPOST_TEST_PODMAN_HOST.
 */
class PodmanEnvironmentEngineIT extends EnvironmentEngineIT {
    @Override
    protected Map<String, String> engineEnvironment() {
        return PodmanHost.environment();
    }
}
