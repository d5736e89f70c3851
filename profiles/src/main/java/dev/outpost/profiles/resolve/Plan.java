package dev.outpost.profiles.resolve;

import dev.outpost.profiles.Runtime;
import dev.outpost.profiles.model.Profile;
import dev.outpost.profiles.model.ServiceTemplate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A profile resolved against the catalog: everything a runtime needs, nothing left to look up.
 * Both runtimes (containers and clusters) consume this, never raw YAML. Values that hold
 * {@code {{secret:NAME}}} are filled by the runtime from the environment's secret store.
 *
 * @param digest sha256 over the plan's content: equal digests mean nothing to change
 */
public record Plan(String profile, Runtime runtime, List<Service> services, Optional<Cluster> cluster,
                   Optional<Inference> inference, Idle idle, String digest) {

    public Plan {
        services = List.copyOf(services);
        if (idle == null) {
            idle = Idle.DEFAULTS;
        }
    }

    /** How long the environment may sit idle before it is stopped; empty when the settings' default applies or never. */
    public Optional<Duration> stopAfter() {
        return idle.stopAfter();
    }

    public Optional<Service> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public record Service(String name, String template, String version, String image, List<Port> ports,
                          Map<String, String> env, List<String> command, List<String> args, List<Volume> volumes,
                          ServiceTemplate.Readiness readiness, ServiceTemplate.Resources resources,
                          Map<String, String> connection, List<String> dependsOn, boolean gpu, String digest) {
        /** Secret names the service's env refers to. */
        public List<String> secrets() {
            return env.values().stream().flatMap(v -> dev.outpost.profiles.validation.Placeholders.in(v).stream())
                    .filter(p -> p.kind().equals("secret")).map(dev.outpost.profiles.validation.Placeholders.Placeholder::argument)
                    .distinct().toList();
        }
    }

    /** A published port. Host IP is 127.0.0.1: nothing Outpost runs listens on other interfaces unless asked. */
    public record Port(String name, int containerPort, int hostPort, String hostIp, ServiceTemplate.Protocol protocol) {
    }

    public record Volume(String name, String mountPath) {
    }

    /**
     * @param manifests the profile's extra manifests: as written (relative to the profile) from the resolver,
     *                  absolute once the catalog knows where the profile's file is
     */
    public record Cluster(String name, String kubernetesVersion, int workers, List<Profile.PortMapping> ports,
                          List<String> manifests) {
        public Cluster {
            ports = List.copyOf(ports);
            manifests = List.copyOf(manifests);
        }
    }

    /** The same plan with the cluster's manifest paths resolved against the profile's directory. */
    public Plan withManifestsUnder(java.nio.file.Path profileDirectory) {
        Optional<Cluster> c = cluster.map(k -> new Cluster(k.name(), k.kubernetesVersion(), k.workers(), k.ports(),
                k.manifests().stream().map(m -> profileDirectory.resolve(m).normalize().toString()).toList()));
        return new Plan(profile, runtime, services, c, inference, idle, digest);
    }

    public record Inference(List<String> models, Profile.Placement placement, Optional<String> target) {
    }

    /**
     * The profile's idle policy; every empty value means "the user's settings decide".
     *
     * @param neverStop     the profile said {@code stopAfter: never}
     * @param cpuThreshold  percent of one core at or below which the environment counts as idle
     */
    public record Idle(Optional<Duration> stopAfter, boolean neverStop, Optional<Double> cpuThreshold,
                       Optional<Duration> modelKeepAlive, Optional<Duration> releaseRemoteAfter) {
        public static final Idle DEFAULTS = new Idle(Optional.empty(), false, Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
