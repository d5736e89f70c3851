package dev.outpost.stack.environment;

import dev.outpost.profiles.Runtime;
import dev.outpost.profiles.resolve.Plan;
import dev.outpost.stack.cluster.ClusterException;
import dev.outpost.stack.cluster.ClusterListener;
import dev.outpost.stack.cluster.ClusterManager;
import dev.outpost.stack.cluster.ClusterSpec;
import dev.outpost.stack.cluster.ClusterState;
import dev.outpost.stack.cluster.ClusterView;
import dev.outpost.stack.cluster.OwnedCluster;
import dev.outpost.stack.kube.ExtraManifests;
import dev.outpost.stack.kube.KubeClients;
import dev.outpost.stack.kube.ManifestApplier;
import dev.outpost.stack.kube.ManifestRenderer;
import dev.outpost.stack.kube.ReadinessWaiter;
import dev.outpost.stack.kube.ServicePortForwards;
import dev.outpost.stack.kube.WorkloadLogs;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Environments in a local kind or k3d cluster: the cluster made to exist and answer, the plan rendered to
 * Kubernetes objects and applied server-side, readiness waited for, and each service's ports forwarded to
 * 127.0.0.1 for as long as this process runs. Each environment has its own cluster, named by the profile.
 */
public final class ClusterEnvironmentEngine implements EnvironmentRuntime {
    /** The row progress about the cluster itself is reported under, before any service. */
    public static final String CLUSTER_ROW = "cluster";

    private static final Logger LOG = LoggerFactory.getLogger(ClusterEnvironmentEngine.class);

    private final ClusterManager clusters;
    private final SecretStore secrets;
    private final Predicate<String> builtLocally;
    private final ManifestRenderer renderer = new ManifestRenderer();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /**
     * @param builtLocally whether an image exists only on this machine's engine (built here, never pulled):
     *                     such images are loaded into the nodes, every other one is pulled by the nodes
     */
    public ClusterEnvironmentEngine(ClusterManager clusters, SecretStore secrets, Predicate<String> builtLocally) {
        this.clusters = clusters;
        this.secrets = secrets;
        this.builtLocally = builtLocally;
    }

    /** The client and the forwards that live as long as an environment is up in this process. */
    private record Session(KubernetesClient client, ServicePortForwards forwards) implements Closeable {
        @Override
        public void close() {
            forwards.close();
            client.close();
        }
    }

    public ClusterManager clusters() {
        return clusters;
    }

    @Override
    public EnvironmentStatus up(Plan plan, UpOptions options, UpListener listener) throws InterruptedException {
        Plan.Cluster shape = plan.cluster().orElseThrow(() -> new IllegalArgumentException(
                plan.profile() + " runs on " + plan.runtime().id() + ", not in a cluster"));
        Runtime runtime = plan.runtime();
        String env = plan.profile();
        ClusterSpec spec = new ClusterSpec(shape.name(), Optional.ofNullable(shape.kubernetesVersion()), shape.workers(),
                shape.ports().stream().map(p -> new ClusterSpec.PortMapping(p.hostPort(), p.containerPort())).toList(),
                options.registryMirror());
        boolean existed = clusters.find(runtime, spec.name()).filter(v -> v.state() != ClusterState.MISSING).isPresent();
        closeSession(env);

        Path kubeconfig;
        try {
            listener.step(CLUSTER_ROW, existed ? UpListener.Step.STARTING : UpListener.Step.CREATING,
                    runtime.id() + " cluster " + spec.name());
            kubeconfig = clusters.ensureRunning(runtime, spec, env, clusterSteps(listener, existed));
        } catch (InterruptedException | RuntimeException e) {
            listener.step(CLUSTER_ROW, UpListener.Step.FAILED, e.getMessage());
            if (!existed && !options.keepOnFailure()) {
                removeQuietly(runtime, spec.name(), listener);
            }
            throw e;
        }
        listener.step(CLUSTER_ROW, UpListener.Step.READY, runtime.id() + " cluster " + spec.name() + ", context "
                + dev.outpost.stack.cluster.ClusterProvider.contextName(runtime, spec.name()));

        KubernetesClient client = KubeClients.fromKubeconfig(kubeconfig, null);
        List<ManifestApplier.Applied> created = new ArrayList<>();
        try {
            loadLocalImages(plan, runtime, spec.name(), listener);
            List<HasMetadata> objects = new ArrayList<>(renderer.render(plan, secrets));
            objects.addAll(ExtraManifests.load(env, shape.manifests().stream().map(Path::of).toList()));
            plan.services().forEach(s -> listener.step(s.name(), UpListener.Step.CREATING, "applying"));
            ManifestApplier applier = new ManifestApplier(client);
            List<ManifestApplier.Applied> applied = applier.apply(objects);
            applied.stream().filter(a -> a.outcome() == ManifestApplier.Outcome.CREATED).forEach(created::add);
            for (ManifestApplier.Applied removed : applier.prune(env, objects, false)) {
                if (!removed.service().isEmpty()) {
                    listener.step(removed.service(), UpListener.Step.REMOVED, removed.kind() + " " + removed.name());
                }
            }
            for (Plan.Service s : plan.services()) {
                boolean touched = applied.stream().anyMatch(a -> a.service().equals(s.name())
                        && a.outcome() != ManifestApplier.Outcome.UNCHANGED);
                if (!touched) {
                    listener.step(s.name(), UpListener.Step.UNCHANGED, "");
                }
            }
            new ReadinessWaiter(client).await(env, plan.services(), listener);
            ServicePortForwards forwards = ServicePortForwards.start(client, env, plan.services());
            sessions.put(env, new Session(client, forwards));
        } catch (InterruptedException | RuntimeException e) {
            client.close();
            if (!options.keepOnFailure()) {
                rollback(runtime, spec.name(), existed, kubeconfig, created, listener);
            }
            throw e;
        }
        return status(env);
    }

    private static ClusterListener clusterSteps(UpListener listener, boolean existed) {
        return new ClusterListener() {
            @Override
            public void step(String step) {
                listener.step(CLUSTER_ROW, existed ? UpListener.Step.STARTING : UpListener.Step.CREATING, step);
            }
        };
    }

    private void loadLocalImages(Plan plan, Runtime runtime, String cluster, UpListener listener) throws InterruptedException {
        List<String> local = plan.services().stream().map(Plan.Service::image).distinct().filter(builtLocally).toList();
        if (!local.isEmpty()) {
            listener.step(CLUSTER_ROW, UpListener.Step.PULLING, "loading " + String.join(", ", local) + " into the nodes");
            clusters.loadImages(runtime, cluster, local, ClusterListener.NONE);
        }
    }

    /**
     * A cluster this up created goes entirely; in a cluster that was there before, only the objects this up
     * created are deleted, so a failed change never takes a working environment down.
     */
    private void rollback(Runtime runtime, String cluster, boolean existed, Path kubeconfig,
                          List<ManifestApplier.Applied> created, UpListener listener) {
        listener.step(CLUSTER_ROW, UpListener.Step.ROLLING_BACK, existed ? "removing what this up created" : "removing the cluster");
        if (!existed) {
            removeQuietly(runtime, cluster, listener);
            return;
        }
        try (KubernetesClient client = KubeClients.fromKubeconfig(kubeconfig, null)) {
            for (int i = created.size() - 1; i >= 0; i--) {
                ManifestApplier.Applied a = created.get(i);
                client.genericKubernetesResources(apiVersionOf(a), a.kind()).inNamespace(a.namespace())
                        .withName(a.name()).delete();
            }
        } catch (RuntimeException e) {
            LOG.warn("rolling back {} left objects behind: {}", cluster, e.getMessage());
        }
    }

    private static String apiVersionOf(ManifestApplier.Applied a) {
        return switch (a.kind()) {
            case "Deployment", "StatefulSet" -> "apps/v1";
            default -> "v1";
        };
    }

    private void removeQuietly(Runtime runtime, String cluster, UpListener listener) {
        try {
            clusters.delete(runtime, cluster, ClusterListener.NONE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listener.step(CLUSTER_ROW, UpListener.Step.FAILED, "interrupted while removing the cluster; remove it with `outpost cluster delete " + cluster + "`");
        } catch (RuntimeException e) {
            listener.step(CLUSTER_ROW, UpListener.Step.FAILED, "the cluster could not be removed: " + e.getMessage()
                    + "; remove it with `outpost cluster delete " + cluster + "`");
        }
    }

    @Override
    public EnvironmentStatus status(String env) {
        Optional<OwnedCluster> owned = clusters.owned().forEnvironment(env);
        if (owned.isEmpty()) {
            return new EnvironmentStatus(env, "", List.of());
        }
        OwnedCluster record = owned.get();
        Optional<ClusterView> view;
        try {
            view = clusters.find(record.runtime(), record.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new EnvironmentStatus(env, "", List.of());
        }
        ClusterView v = view.orElse(new ClusterView(record.name(), record.runtime(), List.of(), owned));
        ClusterStatus cluster = new ClusterStatus(record.runtime().id(), record.name(), v.state().label(), v.context(),
                record.spec().kubernetesVersion().orElse(""), v.nodes(),
                clusters.owned().kubeconfig(record.runtime(), record.name()).toString());
        if (v.state() != ClusterState.RUNNING) {
            return new EnvironmentStatus(env, "", List.of(), cluster);
        }
        try (KubernetesClient client = KubeClients.fromKubeconfig(clusters.owned().kubeconfig(record.runtime(), record.name()), null)) {
            return new EnvironmentStatus(env, "", services(client, env), cluster);
        } catch (RuntimeException e) {
            LOG.debug("{}: the API server did not answer: {}", env, e.getMessage());
            return new EnvironmentStatus(env, "", List.of(), cluster);
        }
    }

    private List<ServiceStatus> services(KubernetesClient client, String env) {
        String ns = dev.outpost.stack.kube.KubeLabels.namespace(env);
        Map<String, ServiceStatus> out = new java.util.TreeMap<>();
        List<ServicePortForwards.Forward> forwards = Optional.ofNullable(sessions.get(env))
                .map(s -> s.forwards().active()).orElse(List.of());
        for (Deployment d : client.apps().deployments().inNamespace(ns).withLabel(Labels.ENVIRONMENT, env).list().getItems()) {
            int want = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
            Integer ready = d.getStatus() == null ? null : d.getStatus().getReadyReplicas();
            put(out, d, want, ready == null ? 0 : ready, d.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage(), forwards);
        }
        for (StatefulSet s : client.apps().statefulSets().inNamespace(ns).withLabel(Labels.ENVIRONMENT, env).list().getItems()) {
            int want = s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas();
            Integer ready = s.getStatus() == null ? null : s.getStatus().getReadyReplicas();
            put(out, s, want, ready == null ? 0 : ready, s.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage(), forwards);
        }
        return List.copyOf(out.values());
    }

    private static void put(Map<String, ServiceStatus> out, HasMetadata workload, int want, int ready, String image,
                            List<ServicePortForwards.Forward> forwards) {
        String service = workload.getMetadata().getLabels().getOrDefault(Labels.SERVICE, workload.getMetadata().getName());
        String state = want == 0 ? "stopped" : ready >= want ? "running" : "starting";
        List<String> ports = forwards.stream().filter(f -> f.service().equals(service))
                .map(f -> f.local().getHostString() + ":" + f.local().getPort() + "->" + f.portName()).toList();
        Map<String, String> annotations = workload.getMetadata().getAnnotations() == null ? Map.of() : workload.getMetadata().getAnnotations();
        out.put(service, new ServiceStatus(service, workload.getKind() + "/" + workload.getMetadata().getName(), image, state,
                ports, annotations.get(Labels.SERVICE_DIGEST)));
    }

    /** Environments in clusters Outpost owns. */
    @Override
    public List<EnvironmentStatus> list() {
        return clusters.owned().all().stream().map(OwnedCluster::environment).filter(e -> e != null && !e.isEmpty())
                .distinct().map(this::status).toList();
    }

    /** Stops the cluster's nodes; everything in it, data included, is there again after a start. */
    @Override
    public EnvironmentStatus stop(String env) throws InterruptedException {
        OwnedCluster record = owned(env);
        closeSession(env);
        clusters.stop(record.runtime(), record.name(), ClusterListener.NONE);
        return status(env);
    }

    /**
     * Without purge: the workloads go, claims (data) stay, and the cluster is stopped. With purge the cluster
     * itself is deleted, and every byte in it.
     */
    @Override
    public void down(String env, boolean purge) throws InterruptedException {
        Optional<OwnedCluster> found = clusters.owned().forEnvironment(env);
        if (found.isEmpty()) {
            return;
        }
        OwnedCluster record = found.get();
        closeSession(env);
        if (purge) {
            clusters.delete(record.runtime(), record.name(), ClusterListener.NONE);
            return;
        }
        Optional<ClusterView> v = clusters.find(record.runtime(), record.name());
        if (v.isPresent() && v.get().state() == ClusterState.RUNNING) {
            try (KubernetesClient client = KubeClients.fromKubeconfig(clusters.owned().kubeconfig(record.runtime(), record.name()), null)) {
                new ManifestApplier(client).prune(env, List.of(), false);
            }
            clusters.stop(record.runtime(), record.name(), ClusterListener.NONE);
        }
    }

    @Override
    public Map<String, Map<String, String>> connections(Plan plan) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Plan.Service s : plan.services()) {
            Map<String, String> c = new LinkedHashMap<>();
            s.connection().forEach((k, v) -> c.put(k, secrets.fill(plan.profile(), s.name(), v)));
            out.put(s.name(), c);
        }
        return out;
    }

    @Override
    public List<String> logs(String env, String service, int lines) {
        try (KubernetesClient client = client(env)) {
            return new WorkloadLogs(client).tail(env, service, lines);
        }
    }

    @Override
    public List<String> events(String env, String service) {
        try (KubernetesClient client = client(env)) {
            return new dev.outpost.stack.kube.ClusterEvents(client).forService(env, service).stream()
                    .map(e -> age(e.age()) + " " + e.type() + " " + e.reason() + " " + e.object() + ": " + e.message()).toList();
        }
    }

    private static String age(java.time.Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + "s" : s < 7200 ? d.toMinutes() + "m" : s < 172800 ? d.toHours() + "h" : d.toDays() + "d";
    }

    @Override
    public Closeable followLogs(String env, String service, int lines, Consumer<String> sink) {
        KubernetesClient client = client(env);
        Closeable follow = new WorkloadLogs(client).follow(env, service, lines, sink);
        return () -> {
            try {
                follow.close();
            } finally {
                client.close();
            }
        };
    }

    /** The ports this process forwards for the environment now. */
    public List<ServicePortForwards.Forward> forwards(String env) {
        return Optional.ofNullable(sessions.get(env)).map(s -> s.forwards().active()).orElse(List.of());
    }

    /** Ends every forward this process holds (the window closing, the CLI exiting). */
    public void closeAll() {
        sessions.keySet().forEach(this::closeSession);
    }

    private void closeSession(String env) {
        Session s = sessions.remove(env);
        if (s != null) {
            s.close();
        }
    }

    private KubernetesClient client(String env) {
        OwnedCluster record = owned(env);
        return KubeClients.fromKubeconfig(clusters.owned().kubeconfig(record.runtime(), record.name()), null);
    }

    private OwnedCluster owned(String env) {
        return clusters.owned().forEnvironment(env).orElseThrow(() -> new EnvironmentException(null,
                "environment " + env + " has no cluster", List.of(), null));
    }
}
