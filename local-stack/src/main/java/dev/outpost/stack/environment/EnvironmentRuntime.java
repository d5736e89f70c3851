package dev.outpost.stack.environment;

import dev.outpost.profiles.resolve.Plan;
import java.io.Closeable;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where an environment's services run: containers on the engine, or workloads in a local cluster. The CLI
 * and the window drive both through these verbs, so `up`, `status`, `logs` and the connection strings read
 * the same whichever runtime a profile names.
 */
public interface EnvironmentRuntime {

    /** Brings the plan up, or reconciles a running environment to it; rolls back what it created on failure. */
    EnvironmentStatus up(Plan plan, UpOptions options, UpListener listener) throws InterruptedException;

    EnvironmentStatus status(String env);

    List<EnvironmentStatus> list();

    /** Stops the services; their data is kept. */
    EnvironmentStatus stop(String env) throws InterruptedException;

    /** Removes the services; data is kept unless {@code purge}. */
    void down(String env, boolean purge) throws InterruptedException;

    /** Connection strings per service, secrets filled in: for `outpost env` and Copy buttons, never for logs. */
    Map<String, Map<String, String>> connections(Plan plan);

    /** KEY=value lines for a .env file: SERVICE_NAME (upper case) per connection string. */
    default List<String> dotEnv(Plan plan) {
        List<String> lines = new java.util.ArrayList<>();
        connections(plan).forEach((service, conns) -> conns.forEach((name, value) -> lines.add(
                (service + "_" + name).toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "=" + value)));
        return lines;
    }

    List<String> logs(String env, String service, int lines);

    /**
     * What the platform said about the service, newest first, one line each ("2m Warning BackOff: …"): Kubernetes
     * events in a cluster. Containers have none beyond their log.
     */
    default List<String> events(String env, String service) {
        return List.of();
    }

    /** The last lines, then each new one, until the handle is closed or the service goes away. */
    Closeable followLogs(String env, String service, int lines, Consumer<String> sink);
}
