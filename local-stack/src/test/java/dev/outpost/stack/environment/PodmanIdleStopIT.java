package dev.outpost.stack.environment;

import java.util.Map;

/** The idle policy on Podman's Docker-compatible service: its stats and exec answer as Docker's do. */
class PodmanIdleStopIT extends IdleStopIT {
    @Override
    protected Map<String, String> engineEnvironment() {
        return PodmanHost.environment();
    }
}
