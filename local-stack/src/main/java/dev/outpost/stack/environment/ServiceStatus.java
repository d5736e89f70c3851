package dev.outpost.stack.environment;

import java.util.List;

/**
 * A service as the engine reports it.
 *
 * @param state running, exited, created, paused, restarting, dead, or missing
 */
public record ServiceStatus(String name, String containerId, String image, String state, List<String> ports,
                            String serviceDigest) {
    public ServiceStatus {
        ports = List.copyOf(ports);
    }

    public boolean running() {
        return "running".equals(state);
    }
}
