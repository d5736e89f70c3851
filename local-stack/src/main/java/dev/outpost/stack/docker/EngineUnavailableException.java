package dev.outpost.stack.docker;

import java.util.List;
import java.util.Optional;

/** No candidate endpoint answered a ping. The message lists every attempt, one per line. */
public final class EngineUnavailableException extends RuntimeException {
    private final transient List<EngineAttempt> attempts;
    private final transient DockerEndpointException resolveError;

    public EngineUnavailableException(List<EngineAttempt> attempts, Optional<DockerEndpointException> resolveError) {
        super(message(attempts, resolveError), resolveError.orElse(null));
        this.attempts = List.copyOf(attempts);
        this.resolveError = resolveError.orElse(null);
    }

    private static String message(List<EngineAttempt> attempts, Optional<DockerEndpointException> resolveError) {
        StringBuilder b = new StringBuilder("No container engine answered.");
        resolveError.ifPresent(e -> b.append("\nThe docker CLI's engine could not be worked out: ").append(e.getMessage()));
        if (attempts.isEmpty()) {
            b.append("\nNo engine socket was found to try.");
        } else {
            b.append("\nTried:");
            attempts.forEach(a -> b.append("\n  - ").append(a.describe()));
        }
        return b.toString();
    }

    public List<EngineAttempt> attempts() {
        return attempts;
    }

    /** Why the docker CLI's own choice could not be worked out, when that was the case. */
    public Optional<DockerEndpointException> resolveError() {
        return Optional.ofNullable(resolveError);
    }

    /** True when nothing was listening anywhere: no engine installed or started, rather than a broken one. */
    public boolean nothingListening() {
        return attempts.stream().allMatch(a -> a.failure() == EngineAttempt.Failure.NO_SUCH_FILE);
    }
}
