package dev.outpost.stack.kube;

import java.time.Duration;

/**
 * A cluster's API server did not answer in time. The message names the server URL and the last
 * failure, never a token or a client key.
 */
public final class ApiServerUnreachableException extends RuntimeException {
    private final String serverUrl;

    public ApiServerUnreachableException(String serverUrl, Duration waited, String lastFailure, Throwable cause) {
        super("The Kubernetes API server at " + serverUrl + " did not answer within " + waited.toSeconds() + "s"
                + (lastFailure == null ? "" : " (last attempt: " + lastFailure + ")")
                + ". Is the cluster running? `outpost doctor` checks the cluster tools and the container engine.", cause);
        this.serverUrl = serverUrl;
    }

    public String serverUrl() {
        return serverUrl;
    }
}
