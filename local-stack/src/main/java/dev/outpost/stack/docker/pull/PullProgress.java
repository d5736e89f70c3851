package dev.outpost.stack.docker.pull;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One moment of a pull, summed over its layers.
 *
 * @param image          the reference being pulled
 * @param bytesDone      bytes downloaded so far, over every layer
 * @param bytesTotal     sum of the layer sizes known so far: announced by the engine, or, for a layer whose size
 *                       never was, what it came to once downloaded; layers start without one, so this grows
 *                       during a pull. Layers that already existed count nothing
 * @param layersDone     layers that are in place: extracted, or already there before the pull
 * @param layersTotal    layers the engine has named so far
 * @param percent        0 to 100; layers whose size is still unknown count as the average of the known ones,
 *                       so the figure moves forward as sizes arrive rather than jumping back; 100 once finished
 * @param bytesPerSecond download speed over the last few seconds
 * @param eta            time left at that speed; empty while there is no speed or no size to go by
 * @param status         what is happening, for people: "Downloading (1 of 4 layers done)", "Extracting (...)",
 *                       "Retrying in 5 seconds", "Downloaded newer image for ..."
 * @param finished       the engine reported the image complete
 */
public record PullProgress(String image, long bytesDone, long bytesTotal, int layersDone, int layersTotal,
                           double percent, double bytesPerSecond, Optional<Duration> eta, String status,
                           boolean finished) {
    public PullProgress {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(eta, "eta");
        Objects.requireNonNull(status, "status");
    }

    /** Before the engine has said anything. */
    public static PullProgress starting(String image) {
        return new PullProgress(image, 0, 0, 0, 0, 0, 0, Optional.empty(), "Waiting for the engine", false);
    }
}
