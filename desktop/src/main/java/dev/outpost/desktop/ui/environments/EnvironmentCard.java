package dev.outpost.desktop.ui.environments;

import dev.outpost.stack.environment.ServiceStatus;
import java.util.List;
import java.util.Map;

/**
 * One environment as its card shows it: the profile, the engine's view of its services, their
 * connection strings, and what the last action said.
 */
public record EnvironmentCard(String name, String description, String runtime, String state,
                              List<ServiceStatus> services, Map<String, Map<String, String>> connections) {
    public EnvironmentCard {
        services = List.copyOf(services);
    }
}
