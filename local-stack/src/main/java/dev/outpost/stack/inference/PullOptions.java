package dev.outpost.stack.inference;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * How a pull watches for trouble.
 *
 * @param stallTimeout          no line for this long while bytes should be flowing means the download is stuck:
 *                              the stream is abandoned and the pull re-issued. Ollama sends progress several times
 *                              a second while downloading, so 30 s of silence is not slowness
 * @param verifyingStallTimeout the same once Ollama says "verifying sha256 digest": hashing a large model says
 *                              nothing for minutes on a slow disk, and re-issuing would only start it over
 * @param maxAttempts           requests in all, the first included; at least 1
 * @param clock                 for the speed figures
 */
public record PullOptions(Duration stallTimeout, Duration verifyingStallTimeout, int maxAttempts, InstantSource clock) {
    public static final PullOptions DEFAULTS =
            new PullOptions(Duration.ofSeconds(30), Duration.ofMinutes(15), 5, InstantSource.system());

    public PullOptions {
        Objects.requireNonNull(clock, "clock");
        if (stallTimeout.isNegative() || stallTimeout.isZero()
                || verifyingStallTimeout.isNegative() || verifyingStallTimeout.isZero()) {
            throw new IllegalArgumentException("stall timeouts must be positive");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
    }

    public PullOptions withStallTimeout(Duration d) {
        return new PullOptions(d, verifyingStallTimeout, maxAttempts, clock);
    }

    public PullOptions withVerifyingStallTimeout(Duration d) {
        return new PullOptions(stallTimeout, d, maxAttempts, clock);
    }

    public PullOptions withMaxAttempts(int n) {
        return new PullOptions(stallTimeout, verifyingStallTimeout, n, clock);
    }

    public PullOptions withClock(InstantSource c) {
        return new PullOptions(stallTimeout, verifyingStallTimeout, maxAttempts, c);
    }
}
