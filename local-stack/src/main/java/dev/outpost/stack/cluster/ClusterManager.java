package dev.outpost.stack.cluster;

import dev.outpost.profiles.Runtime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Local clusters as Outpost manages them: the provider does the work, {@link OwnedClusters} remembers what
 * should exist, and the API server is waited for after every create and start, because a node container
 * that runs is not yet a cluster that answers.
 */
public final class ClusterManager {
    public static final Duration API_TIMEOUT = Duration.ofMinutes(3);

    private final ClusterProviders providers;
    private final OwnedClusters owned;
    private final ApiServerCheck api;
    private final Path userKubeconfig;
    private final Clock clock;
    private Duration apiTimeout = API_TIMEOUT;

    /** @param userKubeconfig the user's kubeconfig ({@link KubeconfigMerge#defaultTarget}), touched only on request */
    public ClusterManager(ClusterProviders providers, OwnedClusters owned, ApiServerCheck api, Path userKubeconfig, Clock clock) {
        this.providers = providers;
        this.owned = owned;
        this.api = api;
        this.userKubeconfig = userKubeconfig;
        this.clock = clock;
    }

    /** How long a created or started cluster's API server gets to answer; tests shorten it. */
    public ClusterManager withApiTimeout(Duration timeout) {
        this.apiTimeout = timeout;
        return this;
    }

    public Path userKubeconfig() {
        return userKubeconfig;
    }

    public OwnedClusters owned() {
        return owned;
    }

    /** Clusters of every installed tool, and the ones Outpost owns that the engine lost. */
    public List<ClusterView> list() throws InterruptedException {
        Map<String, ClusterView> out = new LinkedHashMap<>();
        List<OwnedCluster> records = owned.all();
        for (Runtime runtime : List.of(Runtime.KIND, Runtime.K3D)) {
            List<ClusterInfo> found;
            try {
                found = providers.forRuntime(runtime).list();
            } catch (ClusterException e) {
                if (e.failure() == ClusterFailure.TOOL_MISSING) {
                    continue;
                }
                throw e;
            }
            for (ClusterInfo c : found) {
                out.put(OwnedCluster.key(runtime, c.name()), new ClusterView(c.name(), runtime, c.nodes(),
                        records.stream().filter(r -> r.runtime() == runtime && r.name().equals(c.name())).findFirst()));
            }
            for (OwnedCluster r : records) {
                if (r.runtime() == runtime) {
                    out.putIfAbsent(r.key(), new ClusterView(r.name(), runtime, List.of(), Optional.of(r)));
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    public Optional<ClusterView> find(Runtime runtime, String name) throws InterruptedException {
        Optional<OwnedCluster> record = owned.find(runtime, name);
        Optional<ClusterInfo> info;
        try {
            info = providers.forRuntime(runtime).find(name);
        } catch (ClusterException e) {
            if (e.failure() == ClusterFailure.TOOL_MISSING && record.isPresent()) {
                throw e;
            }
            if (e.failure() == ClusterFailure.TOOL_MISSING) {
                return Optional.empty();
            }
            throw e;
        }
        if (info.isEmpty() && record.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ClusterView(name, runtime, info.map(ClusterInfo::nodes).orElse(List.of()), record));
    }

    /** The one cluster with this name, whichever tool made it; an error names both when both have one. */
    public ClusterView resolve(String name, Optional<Runtime> runtime) throws InterruptedException {
        List<ClusterView> matches = new ArrayList<>();
        for (Runtime r : runtime.map(List::of).orElse(List.of(Runtime.KIND, Runtime.K3D))) {
            find(r, name).ifPresent(matches::add);
        }
        if (matches.isEmpty()) {
            throw new ClusterException(ClusterFailure.NOT_FOUND, "no cluster named '" + name + "'");
        }
        if (matches.size() > 1) {
            throw new ClusterException(ClusterFailure.FAILED, "both kind and k3d have a cluster named '" + name
                    + "': say which with --runtime");
        }
        return matches.getFirst();
    }

    /** Creates a new cluster; one with that name must not exist yet. */
    public ClusterView create(Runtime runtime, ClusterSpec spec, String environment, ClusterListener listener)
            throws InterruptedException {
        ClusterProvider provider = providers.forRuntime(runtime);
        if (provider.find(spec.name()).isPresent()) {
            throw new ClusterException(ClusterFailure.ALREADY_EXISTS, "a " + runtime.id() + " cluster named '"
                    + spec.name() + "' already exists");
        }
        Path dir = owned.prepare(runtime, spec.name());
        Path kubeconfig = owned.kubeconfig(runtime, spec.name());
        try {
            // A kubeconfig left from a lost cluster holds its old port and certificates.
            Files.deleteIfExists(kubeconfig);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not remove the old " + kubeconfig, e);
        }
        provider.create(spec, dir, kubeconfig, listener);
        owned.record(new OwnedCluster(runtime, spec, environment, clock.instant()));
        awaitApi(runtime, spec.name(), listener);
        return find(runtime, spec.name()).orElseThrow();
    }

    /**
     * Makes the environment's cluster exist and answer: created when missing, started when stopped.
     *
     * @return the cluster's kubeconfig
     */
    public Path ensureRunning(Runtime runtime, ClusterSpec spec, String environment, ClusterListener listener)
            throws InterruptedException {
        Optional<ClusterView> existing = find(runtime, spec.name());
        if (existing.isEmpty() || existing.get().state() == ClusterState.MISSING) {
            create(runtime, spec, environment, listener);
        } else {
            ClusterView c = existing.get();
            if (c.owned().isEmpty()) {
                throw new ClusterException(ClusterFailure.ALREADY_EXISTS, "a " + runtime.id() + " cluster named '"
                        + spec.name() + "' exists but Outpost did not create it; it will not deploy into a cluster it does not own."
                        + " Set spec.cluster.name in the profile to another name, or delete that cluster");
            }
            if (c.state() != ClusterState.RUNNING) {
                listener.step("Starting cluster " + spec.name());
                providers.forRuntime(runtime).start(spec.name(), listener);
            }
            if (!spec.equals(c.owned().get().spec())) {
                // Ports and node counts are fixed at creation; what can change (the mirror) is re-recorded.
                owned.record(new OwnedCluster(runtime, spec, environment, c.owned().get().createdAt()));
            }
            awaitApi(runtime, spec.name(), listener);
        }
        return kubeconfig(runtime, spec.name());
    }

    public void start(Runtime runtime, String name, ClusterListener listener) throws InterruptedException {
        providers.forRuntime(runtime).start(name, listener);
        awaitApi(runtime, name, listener);
    }

    public void stop(Runtime runtime, String name, ClusterListener listener) throws InterruptedException {
        providers.forRuntime(runtime).stop(name, listener);
    }

    /** Deletes the cluster, its files, and its context from the user's kubeconfig if it was merged there. */
    public void delete(Runtime runtime, String name, ClusterListener listener) throws InterruptedException {
        providers.forRuntime(runtime).delete(name, listener);
        owned.forget(runtime, name);
        KubeconfigMerge.remove(userKubeconfig, ClusterProvider.contextName(runtime, name));
    }

    public void loadImages(Runtime runtime, String name, List<String> images, ClusterListener listener) throws InterruptedException {
        providers.forRuntime(runtime).loadImages(name, images, listener);
    }

    /**
     * Brings an owned cluster back after a reboot or an engine restart.
     *
     * @return what was done: "none", "start" or "recreate" (the caller re-applies the environment then)
     */
    public String repair(Runtime runtime, String name, ClusterListener listener) throws InterruptedException {
        ClusterView view = find(runtime, name).orElseThrow(() -> new ClusterException(ClusterFailure.NOT_FOUND,
                "no cluster named '" + name + "'"));
        String action = view.repairAction();
        switch (action) {
            case "start" -> start(runtime, name, listener);
            case "recreate" -> {
                // The record stays until the new cluster exists: a failed re-create must not forget the cluster.
                OwnedCluster record = view.owned().orElseThrow();
                create(runtime, record.spec(), record.environment(), listener);
            }
            default -> awaitApi(runtime, name, listener);
        }
        return action;
    }

    /** The cluster's kubeconfig in Outpost's directory (0600), fetched from the tool if Outpost has none yet. */
    public Path kubeconfig(Runtime runtime, String name) throws InterruptedException {
        Path file = owned.kubeconfig(runtime, name);
        if (!Files.exists(file)) {
            owned.prepare(runtime, name);
            String yaml = providers.forRuntime(runtime).kubeconfig(name);
            try {
                dev.outpost.profiles.files.PrivateFiles.writeAtomically(file, yaml.getBytes(StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("could not write " + file, e);
            }
        }
        return file;
    }

    /** Merges the cluster's context ({@code kind-NAME} / {@code k3d-NAME}) into KUBECONFIG or ~/.kube/config. */
    public List<String> mergeIntoUserKubeconfig(Runtime runtime, String name, boolean switchContext)
            throws InterruptedException {
        return KubeconfigMerge.merge(kubeconfig(runtime, name), userKubeconfig, switchContext);
    }

    private void awaitApi(Runtime runtime, String name, ClusterListener listener) throws InterruptedException {
        listener.step("Waiting for the Kubernetes API server");
        api.awaitReady(kubeconfig(runtime, name), apiTimeout);
    }
}
