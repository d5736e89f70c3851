package dev.outpost.stack.environment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An environment as read back from the engine's labels, or from its cluster.
 *
 * @param cluster the local cluster it runs in; null for an environment of containers
 */
public record EnvironmentStatus(String name, String profileDigest, List<ServiceStatus> services,
                                @JsonInclude(JsonInclude.Include.NON_NULL) ClusterStatus cluster) {
    public EnvironmentStatus {
        services = List.copyOf(services);
    }

    public EnvironmentStatus(String name, String profileDigest, List<ServiceStatus> services) {
        this(name, profileDigest, services, null);
    }

    /** running when every service runs, stopped when none does, partial otherwise; absent when nothing exists. */
    @com.fasterxml.jackson.annotation.JsonProperty("state")
    public String state() {
        if (services.isEmpty()) {
            return cluster != null && !cluster.state().equals("missing") ? cluster.state() : "absent";
        }
        long running = services.stream().filter(ServiceStatus::running).count();
        return running == services.size() ? "running" : running == 0 ? "stopped" : "partial";
    }
}
