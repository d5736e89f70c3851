package dev.outpost.stack.cost;

import dev.outpost.profiles.resolve.Plan;
import dev.outpost.stack.environment.EnvironmentStatus;
import dev.outpost.stack.environment.ServiceStatus;
import dev.outpost.stack.idle.IdlePolicy;
import dev.outpost.stack.settings.IdleSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the monitor meters each round: every environment with something running, with its profile's idle
 * policy and CPU requests. The profile is resolved once per profile digest (the label on its containers), not
 * every round: a catalog load costs more than a whole sampling round.
 */
public final class RunningEnvironments implements Supplier<List<MeteredEnvironment>> {
    private final Supplier<List<EnvironmentStatus>> environments;
    private final Function<String, Optional<Plan>> plans;
    private final Supplier<IdleSettings> defaults;
    private final Map<String, Optional<Plan>> resolved = new ConcurrentHashMap<>();
    private volatile Optional<java.time.Duration> releaseRemoteAfter = Optional.empty();
    private volatile Optional<java.time.Duration> modelKeepAlive = Optional.empty();

    /** @param plans the profile of that name resolved against the catalog now, empty if there is none */
    public RunningEnvironments(Supplier<List<EnvironmentStatus>> environments, Function<String, Optional<Plan>> plans,
                               Supplier<IdleSettings> defaults) {
        this.environments = environments;
        this.plans = plans;
        this.defaults = defaults;
    }

    @Override
    public List<MeteredEnvironment> get() {
        IdleSettings settings = defaults.get();
        List<MeteredEnvironment> out = new ArrayList<>();
        Optional<java.time.Duration> release = Optional.empty();
        Optional<java.time.Duration> keepAlive = Optional.empty();
        for (EnvironmentStatus env : environments.get()) {
            Optional<Plan> plan = resolved.computeIfAbsent(env.name() + "@" + env.profileDigest(),
                    k -> plans.apply(env.name()));
            IdlePolicy policy = IdlePolicy.of(plan.map(Plan::idle).orElse(Plan.Idle.DEFAULTS), settings);
            if (plan.flatMap(Plan::inference).isPresent()) {
                release = longer(release, policy.releaseRemoteAfter());
                keepAlive = longer(keepAlive, policy.modelKeepAlive());
            }
            double cpus = plan.map(p -> p.services().stream().mapToDouble(RunningEnvironments::cpuRequest).sum()).orElse(0.0);
            List<String> templates = plan.map(p -> p.services().stream().map(Plan.Service::template).toList())
                    .orElse(List.of());
            if (env.cluster() != null) {
                List<String> nodes = env.cluster().nodes().stream().filter(n -> n.running()).map(n -> n.name()).toList();
                if (nodes.isEmpty()) {
                    continue;
                }
                List<Integer> ports = plan.map(p -> p.services().stream().flatMap(s -> s.ports().stream())
                        .map(Plan.Port::hostPort).toList()).orElse(List.of());
                out.add(new MeteredEnvironment(env.name(), nodes, List.of(), ports, false, cpus, templates, policy));
            } else {
                List<String> containers = env.services().stream().filter(ServiceStatus::running)
                        .map(ServiceStatus::containerId).toList();
                if (containers.isEmpty()) {
                    continue;
                }
                out.add(new MeteredEnvironment(env.name(), containers, containers, List.of(), true, cpus, templates, policy));
            }
        }
        releaseRemoteAfter = release;
        modelKeepAlive = keepAlive;
        return out;
    }

    /**
     * The remote GPU and the local model server are shared by every environment that uses models: the longest
     * time any of their policies asks for wins, so no environment loses its model early. Empty when no running
     * environment uses models (the settings decide then). As of the last round.
     */
    public Optional<java.time.Duration> releaseRemoteAfter() {
        return releaseRemoteAfter;
    }

    /** See {@link #releaseRemoteAfter()}. */
    public Optional<java.time.Duration> modelKeepAlive() {
        return modelKeepAlive;
    }

    private static Optional<java.time.Duration> longer(Optional<java.time.Duration> a, java.time.Duration b) {
        return Optional.of(a.isEmpty() || b.compareTo(a.get()) > 0 ? b : a.get());
    }

    /** Kubernetes CPU notation: 250m, 0.5, 2. Unparseable or absent counts as no request. */
    static double cpuRequest(Plan.Service s) {
        if (s.resources() == null || s.resources().requests() == null || s.resources().requests().cpu() == null) {
            return 0;
        }
        String cpu = s.resources().requests().cpu().trim();
        try {
            return cpu.endsWith("m") ? Double.parseDouble(cpu.substring(0, cpu.length() - 1)) / 1000 : Double.parseDouble(cpu);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
