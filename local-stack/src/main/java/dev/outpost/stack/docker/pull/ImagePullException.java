package dev.outpost.stack.docker.pull;

import java.util.Objects;

/**
 * A pull that failed, with the reason sorted out of the engine's text. The message is meant for people and
 * never holds a password or token.
 */
public final class ImagePullException extends RuntimeException {
    public enum Reason {
        /** The registry wants credentials and got none, or refused the ones given. */
        UNAUTHORIZED,
        /** No such repository, tag or digest in the registry (Docker Hub also says this for private ones). */
        NOT_FOUND,
        /** The registry asks to come back later (Docker Hub's pull limit). */
        RATE_LIMITED,
        /** The engine could not connect to the registry: refused, unknown host, timeout, TLS. */
        REGISTRY_UNREACHABLE,
        /** No data from the engine for the stall timeout; the pull was cancelled. */
        STALLED,
        /** The container engine went away before or during the pull. */
        ENGINE_GONE,
        /** Anything else the engine reported. */
        FAILED
    }

    private final Reason reason;
    private final String image;
    private final String registry;

    public ImagePullException(Reason reason, String image, String registry, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.image = image;
        this.registry = registry;
    }

    public Reason reason() {
        return reason;
    }

    /** The image as pulled, normalised. */
    public String image() {
        return image;
    }

    /** The registry host it was pulled from ({@code docker.io} for Docker Hub). */
    public String registry() {
        return registry;
    }
}
