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
        for (EnvironmentStatus env : environments.get()) {
            Optional<Plan> plan = resolved.computeIfAbsent(env.name() + "@" + env.profileDigest(),
                    k -> plans.apply(env.name()));
            IdlePolicy policy = IdlePolicy.of(plan.map(Plan::idle).orElse(Plan.Idle.DEFAULTS), settings);
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
        return out;
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
