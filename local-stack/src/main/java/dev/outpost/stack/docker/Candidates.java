package dev.outpost.stack.docker;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The endpoints worth trying, best first, and why the docker CLI's own choice could not be worked
 * out when it could not (then the list holds only well-known sockets).
 */
public record Candidates(List<DockerEndpoint> endpoints, Optional<DockerEndpointException> resolveError) {
    public Candidates {
        endpoints = List.copyOf(endpoints);
        Objects.requireNonNull(resolveError, "resolveError");
    }
}
