package dev.outpost.stack.docker;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The docker configuration names an engine Outpost cannot work out: a context that does not exist,
 * a corrupt context or config.json, an unparsable DOCKER_HOST. The message is meant for the user as is.
 */
public final class DockerEndpointException extends RuntimeException {
    private final transient Path file;

    public DockerEndpointException(String message, Path file, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    public DockerEndpointException(String message) {
        this(message, null, null);
    }

    /** The file at fault, where one is. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
