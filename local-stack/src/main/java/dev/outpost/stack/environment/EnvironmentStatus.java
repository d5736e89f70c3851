package dev.outpost.stack.environment;

import java.util.List;

/** An environment as read back from the engine's labels. */
public record EnvironmentStatus(String name, String profileDigest, List<ServiceStatus> services) {
    public EnvironmentStatus {
        services = List.copyOf(services);
    }

    /** running when every service runs, stopped when none does, partial otherwise; absent when nothing exists. */
    public String state() {
        if (services.isEmpty()) {
            return "absent";
        }
        long running = services.stream().filter(ServiceStatus::running).count();
        return running == services.size() ? "running" : running == 0 ? "stopped" : "partial";
    }
}
