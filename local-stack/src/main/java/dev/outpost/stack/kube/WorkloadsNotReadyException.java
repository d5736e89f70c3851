package dev.outpost.stack.kube;

import dev.outpost.stack.environment.EnvironmentException;
import java.util.ArrayList;
import java.util.List;

/**
 * Services of an environment did not become ready, either by the deadline or because one failed in
 * a way waiting cannot fix (an image that cannot be pulled, a crash loop). Lists every such service
 * with the reason its pods give.
 */
public final class WorkloadsNotReadyException extends EnvironmentException {
    /**
     * One service that is not ready.
     *
     * @param reason  the main reason, e.g. {@code ImagePullBackOff: ...} or {@code Unschedulable: ...}
     * @param details further facts: warning events, restart counts
     * @param logTail the last log lines of the crashed container, when it crashed
     */
    public record NotReady(String service, String reason, List<String> details, List<String> logTail) {
        public NotReady {
            details = List.copyOf(details);
            logTail = List.copyOf(logTail);
        }
    }

    private final List<NotReady> notReady;
    private final boolean timedOut;

    public WorkloadsNotReadyException(String env, List<NotReady> notReady, boolean timedOut, String waited) {
        super(notReady.getFirst().service(), message(env, notReady, timedOut, waited), notReady.getFirst().logTail(), null);
        this.notReady = List.copyOf(notReady);
        this.timedOut = timedOut;
    }

    public List<NotReady> notReady() {
        return notReady;
    }

    /** True when the deadline passed; false when a service failed before it. */
    public boolean timedOut() {
        return timedOut;
    }

    private static String message(String env, List<NotReady> notReady, boolean timedOut, String waited) {
        List<String> lines = new ArrayList<>();
        lines.add(timedOut ? "not ready after " + waited + " in environment " + env + ":"
                : "a service of environment " + env + " cannot become ready:");
        for (NotReady n : notReady) {
            lines.add("  " + n.service() + ": " + n.reason());
            n.details().forEach(d -> lines.add("    " + d));
            if (!n.logTail().isEmpty()) {
                lines.add("    last log lines:");
                n.logTail().forEach(l -> lines.add("      " + l));
            }
        }
        return String.join("\n", lines);
    }
}
