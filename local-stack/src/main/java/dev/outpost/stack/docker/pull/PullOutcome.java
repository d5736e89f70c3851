package dev.outpost.stack.docker.pull;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a pull ended well. Every caller that shared one pull gets this same object.
 *
 * @param image         the reference as pulled, normalised ({@code docker.io/library/postgres:16})
 * @param result        what the engine had to do
 * @param imageId       the local image's id ({@code sha256:...}) as the engine reports it after the pull
 * @param digest        the manifest digest the registry served; empty when nothing was pulled
 * @param finalProgress the last progress, percent 100
 * @param elapsed       from the start of the shared pull to its end
 */
public record PullOutcome(String image, Result result, Optional<String> imageId, Optional<String> digest,
                          PullProgress finalProgress, Duration elapsed) {
    public enum Result {
        /** New layers or a new manifest came down. */
        PULLED,
        /** The registry had nothing newer than the local image. */
        UP_TO_DATE,
        /** The image was there already, so the registry was not asked. */
        ALREADY_PRESENT
    }

    public PullOutcome {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(finalProgress, "finalProgress");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
