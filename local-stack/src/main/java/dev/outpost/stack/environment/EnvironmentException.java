package dev.outpost.stack.environment;

import java.util.List;

/**
 * An operation on an environment failed. The message names the service and the reason, and says
 * what was rolled back or what is left.
 */
public class EnvironmentException extends RuntimeException {
    private final String service;
    private final List<String> logTail;

    public EnvironmentException(String service, String message, List<String> logTail, Throwable cause) {
        super(message, cause);
        this.service = service;
        this.logTail = List.copyOf(logTail);
    }

    public String service() {
        return service;
    }

    public List<String> logTail() {
        return logTail;
    }
}
