package dev.outpost.stack.kube;

import dev.outpost.profiles.resolve.Plan;
import dev.outpost.profiles.validation.Durations;
import dev.outpost.stack.environment.Labels;
import dev.outpost.stack.environment.UpListener;
import dev.outpost.stack.environment.UpListener.Step;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.readiness.Readiness;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Waits until every service of an environment is ready, under one deadline, reporting each service
 * through an {@link UpListener}. It reacts to watch events (informers on the environment's pods and
 * workloads), so a service is reported ready as soon as the cluster says so, and it gives up early
 * when waiting cannot help.
 *
 * <p>A service is ready when its workload has {@code readyReplicas >= replicas} or one of its pods is
 * Ready; for {@code log} readiness, when one of its pods is Running and its log has a line matching
 * the pattern (Kubernetes has no such probe, so the renderer sets none).
 *
 * <p>Interrupting the waiting thread stops it promptly; watches and log streams are closed on every exit.
 */
public final class ReadinessWaiter {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_CRASH_LOOP_RESTARTS = 3;
    static final int LOG_LINES = 20;
    static final int EVENTS = 3;

    private final KubernetesClient client;
    private final int crashLoopRestarts;

    public ReadinessWaiter(KubernetesClient client) {
        this(client, DEFAULT_CRASH_LOOP_RESTARTS);
    }

    /** @param crashLoopRestarts a crash-looping container with this many restarts fails the wait at once */
    public ReadinessWaiter(KubernetesClient client, int crashLoopRestarts) {
        this.client = client;
        this.crashLoopRestarts = crashLoopRestarts;
    }

    /** The longest readiness timeout of the services (the catalog's {@code readiness.timeout}), else {@link #DEFAULT_TIMEOUT}. */
    public static Duration timeoutOf(List<Plan.Service> services) {
        return services.stream()
                .map(s -> s.readiness() == null ? null : Durations.parse(s.readiness().timeout()).orElse(null))
                .filter(Objects::nonNull).max(Duration::compareTo).orElse(DEFAULT_TIMEOUT);
    }

    /** Waits with the deadline {@link #timeoutOf(List)} gives. */
    public void await(String env, List<Plan.Service> services, UpListener listener) throws InterruptedException {
        await(env, services, timeoutOf(services), listener);
    }

    /**
     * @throws WorkloadsNotReadyException when the deadline passes, or earlier when a service's image
     *                                    cannot be pulled or its container keeps crashing
     * @throws InterruptedException       when the thread is interrupted; nothing is reported as FAILED then
     */
    public void await(String env, List<Plan.Service> services, Duration timeout, UpListener listener)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String ns = KubeLabels.namespace(env);
        LinkedBlockingQueue<Boolean> changes = new LinkedBlockingQueue<>();
        ResourceEventHandler<HasMetadata> onChange = new ResourceEventHandler<>() {
            @Override
            public void onAdd(HasMetadata o) {
                changes.offer(Boolean.TRUE);
            }

            @Override
            public void onUpdate(HasMetadata o, HasMetadata n) {
                changes.offer(Boolean.TRUE);
            }

            @Override
            public void onDelete(HasMetadata o, boolean unknown) {
                changes.offer(Boolean.TRUE);
            }
        };
        List<AutoCloseable> open = new ArrayList<>();
        Map<String, LogMatch> logMatches = new ConcurrentHashMap<>();
        try {
            SharedIndexInformer<Pod> pods = client.pods().inNamespace(ns).withLabel(Labels.ENVIRONMENT, env).inform(onChange);
            open.add(pods);
            SharedIndexInformer<Deployment> deployments = client.apps().deployments().inNamespace(ns)
                    .withLabel(Labels.ENVIRONMENT, env).inform(onChange);
            open.add(deployments);
            SharedIndexInformer<StatefulSet> statefulSets = client.apps().statefulSets().inNamespace(ns)
                    .withLabel(Labels.ENVIRONMENT, env).inform(onChange);
            open.add(statefulSets);

            Map<String, Plan.Service> pending = new LinkedHashMap<>();
            services.forEach(s -> pending.put(s.name(), s));
            Map<String, String> lastDetail = new HashMap<>();
            while (true) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                Map<String, PodDiagnosis> diagnoses = new LinkedHashMap<>();
                for (Plan.Service s : List.copyOf(pending.values())) {
                    List<Pod> own = pods.getStore().list().stream()
                            .filter(p -> s.name().equals(label(p, Labels.SERVICE))).toList();
                    if (ready(ns, s, own, deployments, statefulSets, logMatches, changes)) {
                        pending.remove(s.name());
                        listener.step(s.name(), Step.READY, "");
                        continue;
                    }
                    PodDiagnosis d = PodDiagnosis.of(own, crashLoopRestarts);
                    diagnoses.put(s.name(), d);
                    if (!d.reason().equals(lastDetail.put(s.name(), d.reason()))) {
                        listener.step(s.name(), Step.WAITING, d.reason());
                    }
                }
                if (pending.isEmpty()) {
                    return;
                }
                boolean fatal = diagnoses.values().stream().anyMatch(PodDiagnosis::fatal);
                long left = deadline - System.nanoTime();
                if (fatal || left <= 0) {
                    throw failure(env, ns, diagnoses, !fatal, timeout, listener);
                }
                if (changes.poll(left, TimeUnit.NANOSECONDS) != null) {
                    changes.clear(); // one look at the caches covers every change queued so far
                }
            }
        } finally {
            for (AutoCloseable c : open) {
                closeQuietly(c);
            }
            logMatches.values().forEach(LogMatch::close);
        }
    }

    private boolean ready(String ns, Plan.Service s, List<Pod> own, SharedIndexInformer<Deployment> deployments,
                          SharedIndexInformer<StatefulSet> statefulSets, Map<String, LogMatch> logMatches,
                          LinkedBlockingQueue<Boolean> changes) {
        if (s.readiness() != null && s.readiness().log() != null) {
            Pod running = own.stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null && p.getStatus() != null
                    && "Running".equals(p.getStatus().getPhase())).findFirst().orElse(null);
            if (running == null) {
                return false;
            }
            LogMatch m = logMatches.compute(s.name(), (k, old) -> {
                if (old != null && old.pod.equals(running.getMetadata().getName())) {
                    return old;
                }
                if (old != null) {
                    old.close();
                }
                return LogMatch.start(client, ns, running.getMetadata().getName(), s.name(),
                        Pattern.compile(s.readiness().log().pattern()), changes);
            });
            return m.matched;
        }
        HasMetadata workload = s.volumes().isEmpty() ? deployments.getStore().getByKey(ns + "/" + s.name())
                : statefulSets.getStore().getByKey(ns + "/" + s.name());
        if (workload != null && replicasReady(workload)) {
            return true;
        }
        return own.stream().anyMatch(p -> p.getMetadata().getDeletionTimestamp() == null && Readiness.isPodReady(p));
    }

    static boolean replicasReady(HasMetadata workload) {
        Integer want;
        Integer have;
        if (workload instanceof Deployment d) {
            want = d.getSpec() == null ? null : d.getSpec().getReplicas();
            have = d.getStatus() == null ? null : d.getStatus().getReadyReplicas();
        } else if (workload instanceof StatefulSet st) {
            want = st.getSpec() == null ? null : st.getSpec().getReplicas();
            have = st.getStatus() == null ? null : st.getStatus().getReadyReplicas();
        } else {
            return false;
        }
        int w = want == null ? 1 : want;
        return w > 0 && have != null && have >= w;
    }

    private WorkloadsNotReadyException failure(String env, String ns, Map<String, PodDiagnosis> diagnoses,
                                               boolean timedOut, Duration timeout, UpListener listener) {
        ClusterEvents events = new ClusterEvents(client);
        WorkloadLogs logs = new WorkloadLogs(client);
        List<WorkloadsNotReadyException.NotReady> notReady = new ArrayList<>();
        for (Map.Entry<String, PodDiagnosis> e : diagnoses.entrySet()) {
            PodDiagnosis d = e.getValue();
            if (!timedOut && !d.fatal()) {
                continue; // failing fast on one service says nothing yet about the others
            }
            List<String> details = new ArrayList<>();
            List<String> logTail = List.of();
            if (d.pod() != null) {
                try {
                    events.warningsFor(ns, d.pod()).stream().limit(EVENTS)
                            .forEach(ev -> details.add("event " + ev.reason() + ": " + ev.message()));
                } catch (RuntimeException ex) {
                    details.add("(events unavailable: " + ex.getClass().getSimpleName() + ")");
                }
                if (d.crashed() != null) {
                    logTail = logs.previousRun(ns, d.pod(), d.crashed(), LOG_LINES);
                }
            }
            notReady.add(new WorkloadsNotReadyException.NotReady(e.getKey(), d.reason(), details, logTail));
            listener.step(e.getKey(), Step.FAILED, d.reason());
        }
        return new WorkloadsNotReadyException(env, notReady, timedOut, timeout.toSeconds() + "s");
    }

    private static String label(HasMetadata o, String key) {
        return o.getMetadata().getLabels() == null ? null : o.getMetadata().getLabels().get(key);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing a watch that already failed
        }
    }

    /** Follows one pod's log until a line matches; the waiter only reads {@link #matched}. */
    private static final class LogMatch {
        final String pod;
        final LogWatch watch;
        volatile boolean matched;

        private LogMatch(String pod, LogWatch watch) {
            this.pod = pod;
            this.watch = watch;
        }

        static LogMatch start(KubernetesClient client, String ns, String pod, String container, Pattern pattern,
                              LinkedBlockingQueue<Boolean> changes) {
            LogWatch watch = client.pods().inNamespace(ns).withName(pod).inContainer(container).withReadyWaitTimeout(0)
                    .watchLog();
            LogMatch m = new LogMatch(pod, watch);
            Thread.ofVirtual().name("outpost-ready-log-" + pod).start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(watch.getOutput(), StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        if (pattern.matcher(line).find()) {
                            m.matched = true;
                            changes.offer(Boolean.TRUE);
                            return;
                        }
                    }
                } catch (IOException | UncheckedIOException e) {
                    // closed by the waiter, or the pod went away; a replacement pod gets a new LogMatch
                }
            });
            return m;
        }

        void close() {
            watch.close();
        }
    }
}
