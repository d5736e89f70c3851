package dev.outpost.stack.docker;

import java.util.Objects;

/**
 * One endpoint that did not answer, and why.
 *
 * @param endpoint where Outpost tried
 * @param failure  the cause, in a few words
 * @param detail   the underlying error text, for the cases the short text does not cover; may be empty
 */
public record EngineAttempt(DockerEndpoint endpoint, Failure failure, String detail) {

    /** Common causes, each with the text the user sees. */
    public enum Failure {
        NO_SUCH_FILE("no such file"),
        CONNECTION_REFUSED("connection refused"),
        PERMISSION_DENIED("permission denied"),
        TIMED_OUT("no answer in time"),
        UNKNOWN_HOST("unknown host"),
        TLS("TLS handshake failed"),
        UNSUPPORTED("not supported by Outpost (unix, npipe and tcp only)"),
        ENGINE_ERROR("the engine answered with an error"),
        OTHER("failed");

        private final String text;

        Failure(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public EngineAttempt {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(failure, "failure");
        detail = detail == null ? "" : detail;
    }

    /** {@code unix:///x.sock (DOCKER_HOST): connection refused}. */
    public String describe() {
        String why = detail.isEmpty() ? failure.text() : failure.text() + " (" + detail + ")";
        return endpoint.describe() + ": " + why;
    }
}
