package dev.outpost.stack.kube;

import dev.outpost.profiles.model.ServiceTemplate;
import dev.outpost.profiles.resolve.Plan;
import dev.outpost.stack.environment.Labels;
import dev.outpost.stack.environment.PortConflictException;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.readiness.Readiness;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Publishes each service's TCP ports on 127.0.0.1:hostPort, as the container runtime does, by port
 * forwarding to the service's ready pod. A pod informer keeps the forwards on the right pod: when
 * the forwarded pod goes away, restarts or stops being ready, its forwards are closed and reopened
 * on the same local ports to the pod that is ready now.
 *
 * <p>UDP ports are not forwarded: Kubernetes port forwarding carries TCP only.
 */
public final class ServicePortForwards implements Closeable {
    /** One active forward. */
    public record Forward(String service, String portName, InetSocketAddress local, String pod) {
    }

    /** Opens one forward; the seam between the re-establish logic and fabric8's port-forward API. */
    @FunctionalInterface
    interface Forwarder {
        Closeable open(String namespace, String pod, int containerPort, int hostPort) throws IOException;
    }

    private record Open(String pod, int restarts, List<Forward> forwards, List<Closeable> handles) {
    }

    private final String namespace;
    private final Map<String, Plan.Service> services = new LinkedHashMap<>();
    private final Forwarder forwarder;
    private final Map<String, Open> open = new LinkedHashMap<>();
    // One thread applies every change, so two events about one service never race to the same port.
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon()
            .name("outpost-port-forwards").unstarted(r));
    private volatile SharedIndexInformer<Pod> pods;

    private ServicePortForwards(String namespace, List<Plan.Service> services, Forwarder forwarder) {
        this.namespace = namespace;
        services.forEach(s -> this.services.put(s.name(), s));
        this.forwarder = forwarder;
    }

    /**
     * Checks every host port is free, then forwards each service's ports to its ready pod (services
     * without one yet are forwarded as soon as a pod is ready).
     *
     * @throws PortConflictException naming each taken port, before anything is forwarded
     */
    public static ServicePortForwards start(KubernetesClient client, String env, List<Plan.Service> services)
            throws InterruptedException {
        return start(client, env, services, (ns, pod, containerPort, hostPort) -> client.pods().inNamespace(ns)
                .withName(pod).portForward(containerPort, InetAddress.getLoopbackAddress(), hostPort));
    }

    static ServicePortForwards start(KubernetesClient client, String env, List<Plan.Service> services,
                                     Forwarder forwarder) throws InterruptedException {
        checkFree(services);
        ServicePortForwards f = new ServicePortForwards(KubeLabels.namespace(env), services, forwarder);
        f.pods = client.pods().inNamespace(f.namespace).withLabel(Labels.ENVIRONMENT, env)
                .inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(Pod p) {
                        f.changed(p);
                    }

                    @Override
                    public void onUpdate(Pod old, Pod p) {
                        f.changed(p);
                    }

                    @Override
                    public void onDelete(Pod p, boolean unknown) {
                        f.changed(p);
                    }
                });
        try {
            f.worker.submit(() -> f.services.keySet().forEach(f::reconcile)).get();
        } catch (ExecutionException e) {
            f.close();
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            f.close();
            throw e;
        }
        return f;
    }

    /** The forwards open now, in service order. */
    public synchronized List<Forward> active() {
        return open.values().stream().flatMap(o -> o.forwards().stream()).toList();
    }

    @Override
    public void close() {
        if (pods != null) {
            pods.close();
        }
        worker.shutdownNow();
        synchronized (this) {
            open.values().forEach(ServicePortForwards::closeAll);
            open.clear();
        }
    }

    private void changed(Pod p) {
        String service = p.getMetadata().getLabels() == null ? null : p.getMetadata().getLabels().get(Labels.SERVICE);
        // Events during start come before the informer is assigned; start's own pass covers them.
        if (pods != null && service != null && services.containsKey(service) && !worker.isShutdown()) {
            worker.execute(() -> reconcile(service));
        }
    }

    /**
     * Points the service's forwards at the pod that should carry them now, touching nothing if that is
     * already so. Holds the lock throughout so {@link #active()} never shows a forward half-switched.
     */
    private synchronized void reconcile(String service) {
        Pod target = pods.getStore().list().stream()
                .filter(p -> p.getMetadata().getLabels() != null
                        && service.equals(p.getMetadata().getLabels().get(Labels.SERVICE)))
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null && Readiness.isPodReady(p))
                .max(Comparator.comparing(p -> String.valueOf(p.getMetadata().getCreationTimestamp())))
                .orElse(null);
        Open current = open.get(service);
        if (current != null && target != null && current.pod().equals(target.getMetadata().getName())
                && current.restarts() == restarts(target)) {
            return;
        }
        if (current != null) {
            // Closed first: the new forwards bind the very same local ports.
            closeAll(current);
            open.remove(service);
        }
        if (target != null) {
            open.put(service, openAll(services.get(service), target));
        }
    }

    private Open openAll(Plan.Service s, Pod pod) {
        String name = pod.getMetadata().getName();
        List<Forward> forwards = new ArrayList<>();
        List<Closeable> handles = new ArrayList<>();
        for (Plan.Port p : tcp(s)) {
            try {
                handles.add(forwarder.open(namespace, name, p.containerPort(), p.hostPort()));
                forwards.add(new Forward(s.name(), p.name(),
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), p.hostPort()), name));
            } catch (IOException | RuntimeException e) {
                // Another program took the port since the check; the other ports still get forwarded.
                org.slf4j.LoggerFactory.getLogger(ServicePortForwards.class).warn(
                        "cannot forward 127.0.0.1:{} to {}/{}:{}: {}", p.hostPort(), namespace, name, p.containerPort(),
                        e.toString());
            }
        }
        return new Open(name, restarts(pod), forwards, handles);
    }

    private static void closeAll(Open o) {
        for (Closeable c : o.handles()) {
            try {
                c.close();
            } catch (IOException | UncheckedIOException e) {
                // the forward was already broken; its port is released either way
            }
        }
    }

    private static int restarts(Pod p) {
        if (p.getStatus() == null || p.getStatus().getContainerStatuses() == null) {
            return 0;
        }
        return p.getStatus().getContainerStatuses().stream().map(ContainerStatus::getRestartCount)
                .mapToInt(i -> i == null ? 0 : i).sum();
    }

    private static List<Plan.Port> tcp(Plan.Service s) {
        return s.ports().stream().filter(p -> p.protocol() != ServiceTemplate.Protocol.UDP).toList();
    }

    static void checkFree(List<Plan.Service> services) {
        Set<Integer> planned = new HashSet<>();
        services.forEach(s -> tcp(s).forEach(p -> planned.add(p.hostPort())));
        List<PortConflictException.Conflict> conflicts = new ArrayList<>();
        for (Plan.Service s : services) {
            for (Plan.Port p : tcp(s)) {
                if (!free(p.hostPort())) {
                    conflicts.add(new PortConflictException.Conflict(s.name(), p.name(), p.hostPort(), "another program",
                            nextFree(p.hostPort() + 1, planned)));
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw new PortConflictException(conflicts);
        }
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int nextFree(int from, Set<Integer> planned) {
        for (int p = from; p < 65535; p++) {
            if (!planned.contains(p) && free(p)) {
                return p;
            }
        }
        return 0;
    }
}
