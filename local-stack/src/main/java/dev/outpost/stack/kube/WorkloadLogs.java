package dev.outpost.stack.kube;

import dev.outpost.stack.environment.EnvironmentException;
import dev.outpost.stack.environment.Labels;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.readiness.Readiness;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A service's pod log: the last lines, or followed as it grows. The container is named after the service. */
public final class WorkloadLogs {
    private final KubernetesClient client;

    public WorkloadLogs(KubernetesClient client) {
        this.client = client;
    }

    /** The last {@code lines} lines of the service's current pod. */
    public List<String> tail(String env, String service, int lines) {
        Pod pod = currentPod(env, service).orElseThrow(() -> noPod(env, service));
        return split(container(pod, service).tailingLines(lines).getLog());
    }

    /**
     * Follows the service's current pod log, starting with its last {@code tailLines} lines, each line
     * handed to {@code lines} on a background thread until the handle is closed or the pod goes away.
     */
    public Closeable follow(String env, String service, int tailLines, Consumer<String> lines) {
        Pod pod = currentPod(env, service).orElseThrow(() -> noPod(env, service));
        LogWatch watch = container(pod, service).tailingLines(tailLines).watchLog();
        Thread reader = Thread.ofVirtual().name("outpost-log-" + service).start(() -> pump(watch, lines));
        return () -> {
            watch.close();
            reader.interrupt();
        };
    }

    /** The last lines the previous run of a crashed container wrote: what explains a crash loop. */
    List<String> previousRun(String namespace, String pod, String container, int lines) {
        try {
            return split(client.pods().inNamespace(namespace).withName(pod).inContainer(container)
                    .withReadyWaitTimeout(0).terminated().tailingLines(lines).getLog());
        } catch (RuntimeException e) {
            return List.of(); // the log is a nicety in a failure report, never the failure itself
        }
    }

    /** The pod a user means by "the service": a ready one if any, else the newest. */
    Optional<Pod> currentPod(String env, String service) {
        List<Pod> pods = client.pods().inNamespace(KubeLabels.namespace(env)).withLabel(Labels.SERVICE, service)
                .list().getItems();
        return pods.stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                .max(Comparator.comparing((Pod p) -> Readiness.isPodReady(p))
                        .thenComparing(p -> String.valueOf(p.getMetadata().getCreationTimestamp())));
    }

    private ContainerResource container(Pod pod, String service) {
        return client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                .inContainer(service).withReadyWaitTimeout(0);
    }

    private static void pump(LogWatch watch, Consumer<String> lines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(watch.getOutput(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.accept(line);
            }
        } catch (IOException | UncheckedIOException e) {
            // Closed by the caller, or the pod went away: either way the follow is over.
        }
    }

    static List<String> split(String log) {
        return log == null || log.isEmpty() ? List.of() : List.of(log.split("\\R"));
    }

    private static EnvironmentException noPod(String env, String service) {
        return new EnvironmentException(service, "service " + service + " of " + env + " has no pod in namespace "
                + KubeLabels.namespace(env), List.of(), null);
    }
}
