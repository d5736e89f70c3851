package dev.outpost.stack.environment;

import java.util.List;

/** Host ports an `up` needs are taken; reported before anything is created. */
public final class PortConflictException extends EnvironmentException {
    /** One taken port: who holds it, if known, and a free one to use instead. */
    public record Conflict(String service, String portName, int hostPort, String owner, int freeAlternative) {
        @Override
        public String toString() {
            return service + "." + portName + ": 127.0.0.1:" + hostPort + " is in use by " + owner
                    + "; port " + freeAlternative + " is free (set spec.services[…].ports." + portName + ": "
                    + freeAlternative + ")";
        }
    }

    private final List<Conflict> conflicts;

    public PortConflictException(List<Conflict> conflicts) {
        super(conflicts.getFirst().service(), "host ports are taken, nothing was started:\n  "
                + String.join("\n  ", conflicts.stream().map(Conflict::toString).toList()), List.of(), null);
        this.conflicts = List.copyOf(conflicts);
    }

    public List<Conflict> conflicts() {
        return conflicts;
    }
}
