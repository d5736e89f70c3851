package dev.outpost.stack.environment;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import dev.outpost.profiles.resolve.Plan;
import dev.outpost.profiles.validation.Durations;
import dev.outpost.stack.environment.UpListener.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Brings a plan to life as containers on one network with named volumes, and reads environments back
 * from the engine's labels. `up` reconciles: unchanged services are left alone, changed ones replaced.
 */
public final class EnvironmentEngine implements EnvironmentRuntime {
    static final Duration DEFAULT_READINESS = Duration.ofSeconds(60);
    /** Tight polling keeps `up` fast; each probe is cheap (a socket, an exec, a log read). */
    static final Duration POLL = Duration.ofMillis(100);

    private final DockerClient docker;
    private final SecretStore secrets;
    private final ImageSource images;
    private final String outpostVersion;
    private final ContainerFactory factory;

    public EnvironmentEngine(DockerClient docker, SecretStore secrets, ImageSource images, String outpostVersion) {
        this.docker = docker;
        this.secrets = secrets;
        this.images = images;
        this.outpostVersion = outpostVersion;
        this.factory = new ContainerFactory(docker, secrets, outpostVersion);
    }

    /** What an `up` created, so a failure can take exactly that back. */
    private static final class Created {
        final ConcurrentLinkedDeque<String> containers = new ConcurrentLinkedDeque<>();
        final List<String> volumes = new ArrayList<>();
        String network;
    }

    @Override
    public EnvironmentStatus up(Plan plan, UpOptions options, UpListener listener) throws InterruptedException {
        String env = plan.profile();
        Map<String, Container> existing = containersOf(env);
        Set<String> planned = new HashSet<>();
        plan.services().forEach(s -> planned.add(s.name()));

        Set<Integer> ours = new HashSet<>();
        existing.values().stream().filter(c -> "running".equals(c.getState()))
                .forEach(c -> ports(c).forEach(ours::add));
        List<Plan.Service> toCheck = plan.services().stream()
                .filter(s -> !unchangedAndRunning(existing.get(s.name()), s)).toList();
        var conflicts = new PortChecker(docker).conflicts(toCheck, ours);
        if (!conflicts.isEmpty()) {
            throw new PortConflictException(conflicts);
        }

        Created created = new Created();
        try {
            pull(plan, existing, listener);
            ensureNetwork(env, created);
            ensureVolumes(plan, created);
            for (Map.Entry<String, Container> e : existing.entrySet()) {
                if (!planned.contains(e.getKey())) {
                    remove(e.getValue().getId());
                    listener.step(e.getKey(), Step.REMOVED, "no longer in the profile");
                }
            }
            for (List<Plan.Service> level : StartOrder.levels(plan.services())) {
                runLevel(plan, level, existing, created, listener);
            }
        } catch (InterruptedException | RuntimeException e) {
            String left = options.keepOnFailure() ? "Kept for inspection: " + describe(created)
                    : rollback(created, listener);
            if (e instanceof InterruptedException ie) {
                throw ie;
            }
            // An engine that is shutting down can fail a call with its own 500 before it stops answering: ask it.
            // A service's own failure (never ready, port taken) may carry an I/O cause: only the ping decides there.
            boolean gone = e instanceof EnvironmentException ? !answers() : engineGone(e) || !answers();
            if (gone) {
                throw new EnvironmentException("", "The container engine stopped answering during the up of " + env
                        + ". Start it again and run up once more: existing volumes and their data are kept.\n" + left,
                        List.of(), e);
            }
            if (e instanceof EnvironmentException ee) {
                throw new EnvironmentException(ee.service(), ee.getMessage() + "\n" + left, ee.logTail(), ee);
            }
            throw new EnvironmentException("", "up of " + env + " failed: " + e.getMessage() + "\n" + left, List.of(), e);
        }
        return status(env);
    }

    private boolean answers() {
        try {
            docker.pingCmd().exec();
            return true;
        } catch (RuntimeException gone) {
            return false;
        }
    }

    /** docker-java reports a vanished engine as an I/O failure somewhere in the cause chain. */
    static boolean engineGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException || t instanceof java.net.SocketException) {
                return true;
            }
        }
        return false;
    }

    private boolean unchangedAndRunning(Container c, Plan.Service s) {
        return c != null && s.digest().equals(c.getLabels().get(Labels.SERVICE_DIGEST)) && "running".equals(c.getState());
    }

    private void pull(Plan plan, Map<String, Container> existing, UpListener listener) throws InterruptedException {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> pulls = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Plan.Service s : plan.services()) {
                if (unchangedAndRunning(existing.get(s.name()), s) || !seen.add(s.image())) {
                    continue;
                }
                pulls.add(pool.submit(() -> {
                    images.ensure(s.image(), text -> listener.step(s.name(), Step.PULLING, text));
                    return null;
                }));
            }
            awaitAll(pool, pulls);
        }
    }

    private void ensureNetwork(String env, Created created) {
        String name = Names.network(env);
        boolean exists = docker.listNetworksCmd().withNameFilter(name).exec().stream().anyMatch(n -> n.getName().equals(name));
        if (!exists) {
            docker.createNetworkCmd().withName(name).withDriver("bridge")
                    .withLabels(Labels.environment(env, outpostVersion)).exec();
            created.network = name;
        }
    }

    private void ensureVolumes(Plan plan, Created created) {
        Set<String> have = new HashSet<>();
        var volumes = docker.listVolumesCmd().withFilter("label", List.of(Labels.ENVIRONMENT + "=" + plan.profile())).exec();
        if (volumes.getVolumes() != null) {
            volumes.getVolumes().forEach(v -> have.add(v.getName()));
        }
        for (Plan.Service s : plan.services()) {
            for (Plan.Volume v : s.volumes()) {
                String name = Names.volume(plan.profile(), s.name(), v.name());
                if (!have.contains(name)) {
                    Map<String, String> labels = Labels.environment(plan.profile(), outpostVersion);
                    labels.put(Labels.SERVICE, s.name());
                    docker.createVolumeCmd().withName(name).withLabels(labels).exec();
                    created.volumes.add(name);
                }
            }
        }
    }

    private void runLevel(Plan plan, List<Plan.Service> level, Map<String, Container> existing, Created created,
                          UpListener listener) throws InterruptedException {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (Plan.Service s : level) {
                running.add(pool.submit(() -> {
                    bringUp(plan, s, existing.get(s.name()), created, listener);
                    return null;
                }));
            }
            awaitAll(pool, running);
        }
    }

    private void bringUp(Plan plan, Plan.Service s, Container old, Created created, UpListener listener)
            throws InterruptedException {
        String id;
        if (old != null && s.digest().equals(old.getLabels().get(Labels.SERVICE_DIGEST))) {
            if ("running".equals(old.getState())) {
                listener.step(s.name(), Step.UNCHANGED, "unchanged");
                return;
            }
            id = old.getId();
        } else {
            if (old != null) {
                remove(old.getId());
            }
            listener.step(s.name(), Step.CREATING, s.image());
            id = factory.create(plan, s);
            created.containers.add(id);
        }
        listener.step(s.name(), Step.STARTING, "");
        try {
            docker.startContainerCmd(id).exec();
        } catch (NotModifiedException alreadyRunning) {
            // Started meanwhile: fine.
        } catch (RuntimeException e) {
            throw new EnvironmentException(s.name(), s.name() + " could not start: " + e.getMessage(),
                    ContainerLogs.tail(docker, id, 20), e);
        }
        waitReady(s, id, listener);
    }

    private void waitReady(Plan.Service s, String id, UpListener listener) throws InterruptedException {
        ReadinessProbe probe = ReadinessProbes.forService(docker, id, s);
        Duration timeout = s.readiness() == null || s.readiness().timeout() == null ? DEFAULT_READINESS
                : Durations.parse(s.readiness().timeout()).orElse(DEFAULT_READINESS);
        listener.step(s.name(), Step.WAITING, probe.waitingFor());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(id).exec().getState();
            if (!Boolean.TRUE.equals(state.getRunning())) {
                List<String> logs = ContainerLogs.tail(docker, id, 20);
                listener.step(s.name(), Step.FAILED, "exited");
                throw new EnvironmentException(s.name(), s.name() + " exited with code " + state.getExitCodeLong()
                        + " before it was ready. Last log lines:\n    " + String.join("\n    ", logs), logs, null);
            }
            boolean ready;
            long probeStart = System.nanoTime();
            try {
                ready = probe.ready();
            } catch (RuntimeException e) {
                ready = false;
            }
            long probeNanos = System.nanoTime() - probeStart;
            if (ready) {
                listener.step(s.name(), Step.READY, "");
                return;
            }
            if (System.nanoTime() > deadline) {
                List<String> logs = ContainerLogs.tail(docker, id, 20);
                listener.step(s.name(), Step.FAILED, "not ready");
                throw new EnvironmentException(s.name(), s.name() + " was not ready after " + timeout.toSeconds()
                        + " s, waiting for " + probe.waitingFor() + ". Last log lines:\n    "
                        + String.join("\n    ", logs), logs, null);
            }
            // A slow probe (an exec) waits as long as it took before the next try, so probing never takes
            // more than half of what the service is given.
            Thread.sleep(Math.max(POLL.toMillis(), TimeUnit.NANOSECONDS.toMillis(probeNanos)));
        }
    }

    private String rollback(Created created, UpListener listener) {
        listener.step("", Step.ROLLING_BACK, describe(created));
        List<String> failed = new ArrayList<>();
        for (String id : created.containers) {
            try {
                remove(id);
            } catch (RuntimeException e) {
                failed.add("container " + id.substring(0, 12));
            }
        }
        for (String v : created.volumes) {
            try {
                docker.removeVolumeCmd(v).exec();
            } catch (RuntimeException e) {
                failed.add("volume " + v);
            }
        }
        if (created.network != null) {
            try {
                docker.removeNetworkCmd(created.network).exec();
            } catch (RuntimeException e) {
                failed.add("network " + created.network);
            }
        }
        return failed.isEmpty() ? "Rolled back: " + describe(created)
                : "Rolled back what could be; still left: " + String.join(", ", failed);
    }

    private static String describe(Created c) {
        List<String> parts = new ArrayList<>();
        if (!c.containers.isEmpty()) {
            parts.add(c.containers.size() + " container(s)");
        }
        if (!c.volumes.isEmpty()) {
            parts.add("volumes " + String.join(", ", c.volumes));
        }
        if (c.network != null) {
            parts.add("network " + c.network);
        }
        return parts.isEmpty() ? "nothing was created" : String.join(", ", parts);
    }

    @Override
    public EnvironmentStatus status(String env) {
        Map<String, Container> byService = containersOf(env);
        List<ServiceStatus> services = new ArrayList<>();
        String digest = "";
        for (Map.Entry<String, Container> e : byService.entrySet()) {
            Container c = e.getValue();
            digest = c.getLabels().getOrDefault(Labels.PROFILE_DIGEST, digest);
            List<String> ports = new ArrayList<>();
            for (ContainerPort p : c.getPorts()) {
                if (p.getPublicPort() != null) {
                    ports.add(p.getIp() + ":" + p.getPublicPort() + "->" + p.getPrivatePort() + "/" + p.getType());
                }
            }
            services.add(new ServiceStatus(e.getKey(), c.getId(), c.getImage(), c.getState(), ports,
                    c.getLabels().get(Labels.SERVICE_DIGEST)));
        }
        return new EnvironmentStatus(env, digest, services);
    }

    /** Every environment Outpost has containers for, by name. */
    @Override
    public List<EnvironmentStatus> list() {
        Set<String> envs = new java.util.TreeSet<>();
        for (Container c : docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(Labels.MANAGED, "true")).exec()) {
            envs.add(c.getLabels().get(Labels.ENVIRONMENT));
        }
        return envs.stream().map(this::status).toList();
    }

    /** Stops every container; data stays in the volumes. */
    @Override
    public EnvironmentStatus stop(String env) {
        for (Container c : containersOf(env).values()) {
            try {
                docker.stopContainerCmd(c.getId()).withTimeout(10).exec();
            } catch (NotModifiedException alreadyStopped) {
                // nothing to do
            }
        }
        return status(env);
    }

    /** Removes containers and the network; volumes stay unless {@code purge}. */
    @Override
    public void down(String env, boolean purge) {
        for (Container c : containersOf(env).values()) {
            remove(c.getId());
        }
        docker.listNetworksCmd().withNameFilter(Names.network(env)).exec().stream()
                .filter(n -> n.getName().equals(Names.network(env)))
                .forEach(n -> docker.removeNetworkCmd(n.getId()).exec());
        if (purge) {
            var volumes = docker.listVolumesCmd().withFilter("label", List.of(Labels.ENVIRONMENT + "=" + env)).exec();
            if (volumes.getVolumes() != null) {
                volumes.getVolumes().forEach(v -> docker.removeVolumeCmd(v.getName()).exec());
            }
        }
    }

    /** The plan's connection strings with its secrets filled in. */
    @Override
    public Map<String, Map<String, String>> connections(Plan plan) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Plan.Service s : plan.services()) {
            Map<String, String> c = new LinkedHashMap<>();
            s.connection().forEach((k, v) -> c.put(k, factory.fillSecrets(plan.profile(), s.name(), v)));
            out.put(s.name(), c);
        }
        return out;
    }

    @Override
    public List<String> logs(String env, String service, int lines) {
        Container c = containersOf(env).get(service);
        if (c == null) {
            throw new EnvironmentException(service, "environment " + env + " has no service " + service, List.of(), null);
        }
        return ContainerLogs.tail(docker, c.getId(), lines);
    }

    /** Follows a service's log: the last lines, then each new one, until the handle is closed. */
    @Override
    public java.io.Closeable followLogs(String env, String service, int lines, java.util.function.Consumer<String> sink) {
        Container c = containersOf(env).get(service);
        if (c == null) {
            throw new EnvironmentException(service, "environment " + env + " has no service " + service, List.of(), null);
        }
        return ContainerLogs.follow(docker, c.getId(), lines, sink);
    }

    private Map<String, Container> containersOf(String env) {
        Map<String, Container> out = new TreeMap<>();
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(Labels.ENVIRONMENT, env)).exec().stream()
                .sorted(Comparator.comparing(Container::getCreated))
                .forEach(c -> out.put(c.getLabels().get(Labels.SERVICE), c));
        return out;
    }

    private static List<Integer> ports(Container c) {
        List<Integer> out = new ArrayList<>();
        for (ContainerPort p : c.getPorts()) {
            if (p.getPublicPort() != null) {
                out.add(p.getPublicPort());
            }
        }
        return out;
    }

    private void remove(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).exec();
        } catch (NotFoundException gone) {
            // already removed
        }
    }

    /**
     * Waits for every task; on the first failure or an interrupt (a user's Cancel) the others are
     * interrupted too, so the pool's close does not wait out their readiness timeouts.
     */
    private static void awaitAll(ExecutorService pool, List<Future<?>> tasks) throws InterruptedException {
        try {
            for (Future<?> f : tasks) {
                await(f);
            }
        } catch (InterruptedException | RuntimeException e) {
            pool.shutdownNow();
            throw e;
        }
    }

    private static void await(Future<?> f) throws InterruptedException {
        try {
            f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof InterruptedException ie) {
                throw ie;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
