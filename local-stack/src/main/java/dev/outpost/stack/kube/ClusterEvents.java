package dev.outpost.stack.kube;

import dev.outpost.stack.environment.Labels;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The namespace's core/v1 events about one service's objects, newest first: what `kubectl describe` shows. */
public final class ClusterEvents {
    /**
     * One event.
     *
     * @param object what it is about, e.g. {@code Pod/postgres-0}
     * @param age    since it last happened
     */
    public record ServiceEvent(String type, String reason, String message, String object, Instant time, Duration age) {
        public boolean warning() {
            return "Warning".equals(type);
        }
    }

    private final KubernetesClient client;
    private final Clock clock;

    public ClusterEvents(KubernetesClient client) {
        this(client, Clock.systemUTC());
    }

    ClusterEvents(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /**
     * Events about the service's workload, Service, pods, replica sets and claims. Objects are
     * matched by name, found through the service label, so a service named {@code kafka} never
     * picks up {@code kafka-ui}'s events.
     */
    public List<ServiceEvent> forService(String env, String service) {
        String ns = KubeLabels.namespace(env);
        Set<String> names = new HashSet<>();
        names.add(service);
        Stream.of(client.pods().inNamespace(ns).withLabel(Labels.SERVICE, service).list().getItems(),
                        client.apps().replicaSets().inNamespace(ns).withLabel(Labels.SERVICE, service).list().getItems(),
                        client.persistentVolumeClaims().inNamespace(ns).withLabel(Labels.SERVICE, service).list().getItems())
                .flatMap(List::stream).map(HasMetadata::getMetadata).forEach(m -> names.add(m.getName()));
        return events(ns, e -> names.contains(e.getInvolvedObject().getName()));
    }

    /** Warning events about one pod, newest first. */
    List<ServiceEvent> warningsFor(String namespace, String pod) {
        return events(namespace, e -> "Warning".equals(e.getType()) && "Pod".equals(e.getInvolvedObject().getKind())
                && pod.equals(e.getInvolvedObject().getName()));
    }

    private List<ServiceEvent> events(String ns, Predicate<Event> about) {
        Instant now = clock.instant();
        return client.v1().events().inNamespace(ns).list().getItems().stream()
                .filter(e -> e.getInvolvedObject() != null && about.test(e))
                .map(e -> {
                    Instant t = time(e);
                    return new ServiceEvent(e.getType(), e.getReason(), e.getMessage(),
                            e.getInvolvedObject().getKind() + "/" + e.getInvolvedObject().getName(), t,
                            t == null ? Duration.ZERO : Duration.between(t, now).isNegative() ? Duration.ZERO
                                    : Duration.between(t, now));
                })
                .sorted(Comparator.comparing(ServiceEvent::time, Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
                .toList();
    }

    /** Events carry their time in one of several fields, depending on who wrote them and how often it recurred. */
    private static Instant time(Event e) {
        for (String s : new String[] {e.getLastTimestamp(), e.getEventTime() == null ? null : e.getEventTime().getTime(),
                e.getFirstTimestamp(), e.getMetadata() == null ? null : e.getMetadata().getCreationTimestamp()}) {
            if (s != null && !s.isBlank()) {
                try {
                    return OffsetDateTime.parse(s).toInstant();
                } catch (RuntimeException ignored) {
                    // try the next field
                }
            }
        }
        return null;
    }
}
