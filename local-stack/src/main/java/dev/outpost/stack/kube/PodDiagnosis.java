package dev.outpost.stack.kube;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.readiness.Readiness;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Why a service's pod is not ready, in the words a user needs: the container's waiting reason, the
 * scheduler's message, the restart count. Pure, so the waiter's verdicts are testable without a cluster.
 *
 * @param fatal  waiting longer cannot help (the image cannot be pulled, the container keeps crashing)
 * @param pod    the pod the reason is about, null when the service has none yet
 * @param crashed the container whose previous run's log explains the failure, or null
 */
record PodDiagnosis(String reason, boolean fatal, String pod, String crashed) {
    /** Reasons kubelet gives that no amount of waiting fixes; ImagePullBackOff is left out: it can be a rate limit. */
    static final Set<String> HOPELESS = Set.of("ErrImagePull", "InvalidImageName");

    static PodDiagnosis of(List<Pod> pods, int crashLoopRestarts) {
        Optional<Pod> newest = pods.stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                .max(Comparator.comparing(p -> String.valueOf(p.getMetadata().getCreationTimestamp())));
        if (newest.isEmpty()) {
            return new PodDiagnosis("no pod yet", false, null, null);
        }
        Pod pod = newest.get();
        String name = pod.getMetadata().getName();
        if (pod.getStatus() == null) {
            return new PodDiagnosis("pod " + name + " has no status yet", false, name, null);
        }
        for (PodCondition c : nullSafe(pod.getStatus().getConditions())) {
            if ("PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())) {
                return new PodDiagnosis("Pending, not scheduled (" + orEmpty(c.getReason()) + "): " + orEmpty(c.getMessage()),
                        false, name, null);
            }
        }
        for (ContainerStatus cs : nullSafe(pod.getStatus().getContainerStatuses())) {
            var waiting = cs.getState() == null ? null : cs.getState().getWaiting();
            int restarts = cs.getRestartCount() == null ? 0 : cs.getRestartCount();
            if (waiting != null && waiting.getReason() != null) {
                String r = waiting.getReason();
                String msg = orEmpty(waiting.getMessage());
                if (r.equals("ImagePullBackOff") || r.equals("ErrImagePull") || r.equals("InvalidImageName")) {
                    return new PodDiagnosis(r + ": image " + cs.getImage() + (msg.isEmpty() ? "" : ": " + msg),
                            HOPELESS.contains(r), name, null);
                }
                if (r.equals("CrashLoopBackOff")) {
                    return new PodDiagnosis("CrashLoopBackOff: container " + cs.getName() + " restarted " + restarts + " times"
                            + (msg.isEmpty() ? "" : ": " + msg), restarts >= crashLoopRestarts, name, cs.getName());
                }
                return new PodDiagnosis(r + (msg.isEmpty() ? "" : ": " + msg), false, name, null);
            }
            if (Boolean.FALSE.equals(cs.getReady()) && cs.getState() != null && cs.getState().getRunning() != null) {
                return new PodDiagnosis("running, readiness probe not passing yet"
                        + (restarts > 0 ? " (restarted " + restarts + " times)" : ""), false, name, restarts > 0 ? cs.getName() : null);
            }
        }
        if (Readiness.isPodReady(pod)) {
            return new PodDiagnosis("pod " + name + " is ready", false, name, null);
        }
        return new PodDiagnosis("pod " + name + " is " + orEmpty(pod.getStatus().getPhase()), false, name, null);
    }

    private static <T> List<T> nullSafe(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
