package dev.outpost.stack.inference;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One moment of a model pull, summed over its layers (blobs), in the manner of the container pulls'
 * {@code PullProgress}.
 *
 * @param model          the name being pulled
 * @param status         Ollama's own words for what it is doing: "pulling manifest", "pulling dde5aa3fc5ff",
 *                       "verifying sha256 digest", "writing manifest", "success"
 * @param bytesDone      bytes of the layers in place so far, over every layer announced
 * @param bytesTotal     sum of the sizes of the layers announced so far; Ollama announces a layer when it starts
 *                       on it, so this grows during a pull (mostly by small layers after the big weights)
 * @param layersDone     announced layers that are complete
 * @param layersTotal    layers announced so far
 * @param percent        0 to 100 over the announced layers; 100 once Ollama said success
 * @param bytesPerSecond speed over the last few seconds
 * @param eta            time left at that speed; empty while there is no speed or size to go by
 * @param attempt        1 for the first request; higher after the pull was re-issued (stall or drop)
 * @param finished       Ollama said "success"
 */
public record ModelPullProgress(String model, String status, long bytesDone, long bytesTotal, int layersDone,
                                int layersTotal, double percent, double bytesPerSecond, Optional<Duration> eta,
                                int attempt, boolean finished) {
    public ModelPullProgress {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(eta, "eta");
    }
}
