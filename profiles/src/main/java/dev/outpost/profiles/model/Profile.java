package dev.outpost.profiles.model;

import dev.outpost.profiles.Runtime;
import java.util.List;
import java.util.Map;

@Doc("An environment: its runtime, services from the catalog, models and idle policy.")
public record Profile(@Required String apiVersion, @Required String kind, @Required Metadata metadata,
                      @Required Spec spec) implements Document {

    public record Spec(
            @Doc("docker (containers), kind or k3d; default: the platform's.") Runtime runtime,
            @Doc("The local cluster, for kind and k3d.") Cluster cluster,
            @Required @Doc("Services from the catalog.") List<ServiceUse> services,
            @Doc("Extra Kubernetes manifests to apply (cluster runtimes), paths relative to the profile.") List<String> manifests,
            @Doc("Models and where they run.") Inference inference,
            @Doc("When to stop the environment by itself.") Idle idle) {
    }

    public record Cluster(@Doc("Cluster name; default: the profile's name.") String name,
                          @Doc("Kubernetes version, e.g. v1.33.1; default: the platform's.") String kubernetesVersion,
                          @Doc("Worker (kind) or agent (k3d) nodes.") Integer workers,
                          @Doc("Extra ports published from the cluster.") List<PortMapping> ports) {
    }

    public record PortMapping(@Required Integer hostPort, @Required Integer containerPort) {
    }

    public record ServiceUse(@Required @Doc("Catalog service template name.") String use,
                             @Doc("One of the template's versions; default: its default.") String version,
                             @Doc("Name in this environment; default: the template's.") String name,
                             @Doc("Host port per port name.") Map<String, Integer> ports,
                             @Doc("Extra or overriding environment.") Map<String, String> env) {
    }

    public record Inference(@Doc("Models to have available, e.g. llama3.2:3b.") List<String> models,
                            @Doc("local, remote or auto (default).") Placement placement,
                            @Doc("InferenceTarget name for remote placement.") String target) {
    }

    public enum Placement { LOCAL, REMOTE, AUTO }

    public record Idle(
            @Doc("Stop after this long with no client connection and no CPU above cpuThreshold, e.g. 30m or 2h; "
                    + "'never' to keep running; default: the user's settings.") String stopAfter,
            @Doc("CPU, in percent of one core, at or below which the environment counts as idle; default: the user's settings.")
            Double cpuThreshold,
            @Doc("Unload a local model after this long unused (Ollama's keep_alive), e.g. 5m; default: the user's settings.")
            String modelKeepAlive,
            @Doc("Release the remote GPU after this long with no request through the gateway, e.g. 15m; default: the user's settings.")
            String releaseRemoteAfter) {
        public Idle(String stopAfter) {
            this(stopAfter, null, null, null);
        }
    }
}
