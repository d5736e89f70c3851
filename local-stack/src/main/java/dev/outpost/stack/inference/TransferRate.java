package dev.outpost.stack.inference;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Bytes per second over a sliding window: long enough to smooth Ollama's bursty progress lines, short enough to
 * show a slowdown. Not thread-safe.
 */
final class TransferRate {
    private record Sample(Instant at, long bytes) {
    }

    private final InstantSource clock;
    private final Duration window;
    private final Deque<Sample> samples = new ArrayDeque<>();

    TransferRate(InstantSource clock, Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the speed window must be positive: " + window);
        }
        this.clock = clock;
        this.window = window;
        samples.add(new Sample(clock.instant(), 0));
    }

    void record(long bytesDone) {
        Instant now = clock.instant();
        samples.addLast(new Sample(now, bytesDone));
        trim(now);
    }

    /** Bytes since the oldest sample in the window over the time since; decays while nothing arrives. */
    double bytesPerSecond(long bytesDone) {
        Instant now = clock.instant();
        trim(now);
        Sample base = samples.peekFirst();
        long millis = Duration.between(base.at(), now).toMillis();
        // A layer restarted from zero makes the count go back: show no speed rather than a negative one.
        return millis <= 0 ? 0 : Math.max(0, bytesDone - base.bytes()) * 1000.0 / millis;
    }

    /** Keeps the samples inside the window plus the last one before it, the baseline for the speed. */
    private void trim(Instant now) {
        Instant start = now.minus(window);
        while (samples.size() > 1) {
            Sample first = samples.pollFirst();
            if (samples.peekFirst().at().isAfter(start)) {
                samples.addFirst(first);
                break;
            }
        }
    }
}
