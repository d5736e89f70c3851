package dev.outpost.stack.docker.pull;

import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the engine's per-layer pull messages into one {@link PullProgress}. The engine names each layer by
 * its short id and reports, per layer: "Pulling fs layer", "Waiting", "Downloading" (with current/total bytes),
 * "Verifying Checksum", "Download complete", "Extracting" (whose bytes count extraction, not download),
 * "Pull complete", or "Already exists"; then "Digest: ..." and "Status: ..." for the whole image.
 * Not thread-safe: one pull's messages arrive on one thread.
 */
public final class PullAggregator {
    /** Long enough to smooth the engine's bursty updates, short enough to show a slowdown. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(5);

    private static final String FINAL_PREFIX = "Status: ";
    private static final String DIGEST_PREFIX = "Digest: ";

    private enum State {
        PENDING, DOWNLOADING, DOWNLOADED, EXTRACTING, COMPLETE, EXISTED;

        boolean downloaded() {
            return this == DOWNLOADED || this == EXTRACTING || this == COMPLETE;
        }
    }

    private static final class Layer {
        State state = State.PENDING;
        long current;
        /** 0 while the engine has not announced a size. */
        long total;
    }

    private record Sample(Instant at, long bytes) {
    }

    private final String image;
    private final InstantSource clock;
    private final Duration window;
    private final Map<String, Layer> layers = new LinkedHashMap<>();
    private final Deque<Sample> samples = new ArrayDeque<>();
    private String lastStatus = "Waiting for the engine";
    private String retryNotice;
    private String finalStatus;
    private boolean upToDate;
    private String digest;

    public PullAggregator(String image, InstantSource clock) {
        this(image, clock, DEFAULT_WINDOW);
    }

    public PullAggregator(String image, InstantSource clock, Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the speed window must be positive: " + window);
        }
        this.image = image;
        this.clock = clock;
        this.window = window;
        samples.add(new Sample(clock.instant(), 0));
    }

    /**
     * Takes one message and returns the progress after it. Error messages are left to the caller, which
     * ends the pull; here they change nothing.
     */
    public PullProgress accept(PullResponseItem item) {
        String status = item.getStatus();
        if (status == null || item.isErrorIndicated()) {
            return snapshot();
        }
        if (status.startsWith(FINAL_PREFIX)) {
            finalStatus = status.substring(FINAL_PREFIX.length());
            upToDate = finalStatus.startsWith("Image is up to date");
        } else if (status.startsWith(DIGEST_PREFIX)) {
            digest = status.substring(DIGEST_PREFIX.length()).strip();
        } else if (item.getId() != null && !status.startsWith("Pulling from")) {
            // "Pulling from x" carries the tag as its id, not a layer.
            layerMessage(item.getId(), status, item.getProgressDetail());
        } else {
            lastStatus = status;
        }
        Instant now = clock.instant();
        samples.addLast(new Sample(now, bytesDone()));
        trim(now);
        return snapshot();
    }

    private void layerMessage(String id, String status, ResponseItem.ProgressDetail detail) {
        Layer layer = layers.computeIfAbsent(id, k -> new Layer());
        retryNotice = status.startsWith("Retrying") ? status : null;
        switch (status) {
            case "Pulling fs layer", "Waiting" -> layer.state = State.PENDING;
            case "Downloading" -> {
                layer.state = State.DOWNLOADING;
                if (detail != null && detail.getCurrent() != null) {
                    // A retry starts over from zero, and so does this count.
                    layer.current = Math.max(0, detail.getCurrent());
                }
                if (detail != null && detail.getTotal() != null && detail.getTotal() > 0) {
                    layer.total = detail.getTotal();
                }
            }
            case "Verifying Checksum", "Download complete" -> downloaded(layer, State.DOWNLOADED);
            case "Extracting" -> downloaded(layer, State.EXTRACTING);
            case "Pull complete" -> downloaded(layer, State.COMPLETE);
            case "Already exists" -> layer.state = State.EXISTED;
            default -> {
                // Messages this class does not know (a future engine's) keep the layer where it was.
            }
        }
    }

    private static void downloaded(Layer layer, State next) {
        layer.state = next;
        // The last "Downloading" message can lag behind the end of the download; what is downloaded is whole.
        if (layer.total > 0) {
            layer.current = layer.total;
        }
    }

    /** The engine reported the end of the pull (its stream closed without error). */
    public PullProgress finish() {
        if (finalStatus == null) {
            finalStatus = "Pulled " + image;
        }
        layers.values().stream().filter(l -> l.state != State.EXISTED).forEach(l -> downloaded(l, State.COMPLETE));
        return snapshot();
    }

    /** The manifest digest the engine reported ("Digest: sha256:..."), if it did. */
    public Optional<String> digest() {
        return Optional.ofNullable(digest);
    }

    /** Whether the engine said the local image was already the newest. */
    public boolean upToDate() {
        return upToDate;
    }

    /** The progress now; the speed decays while no bytes arrive. */
    public PullProgress snapshot() {
        Instant now = clock.instant();
        trim(now);
        long done = bytesDone();
        long announced = 0;
        int layersDone = 0;
        long knownSizes = 0;
        int knownCount = 0;
        for (Layer l : layers.values()) {
            if (l.state == State.COMPLETE || l.state == State.EXISTED) {
                layersDone++;
            }
            if (l.state != State.EXISTED) {
                long size = knownSize(l);
                announced += size;
                if (size > 0) {
                    knownSizes += size;
                    knownCount++;
                }
            }
        }
        boolean finished = finalStatus != null;
        double speed = speed(now, done);
        double percent;
        Optional<Duration> eta = Optional.empty();
        if (finished) {
            percent = 100;
            eta = Optional.of(Duration.ZERO);
        } else if (knownCount > 0) {
            long average = knownSizes / knownCount;
            long expected = 0;
            long got = 0;
            for (Layer l : layers.values()) {
                if (l.state == State.EXISTED) {
                    continue;
                }
                long size = knownSize(l) > 0 ? knownSize(l) : Math.max(l.current, average);
                expected += size;
                got += l.state.downloaded() ? size : Math.min(l.current, size);
            }
            percent = expected == 0 ? 0 : Math.min(100, 100.0 * got / expected);
            if (speed > 0) {
                eta = Optional.of(Duration.ofMillis(Math.round((expected - got) / speed * 1000)));
            }
        } else {
            // No size known yet (or nothing to download): finished layers are all there is to go by.
            percent = layers.isEmpty() ? 0 : 100.0 * layersDone / layers.size();
        }
        return new PullProgress(image, done, announced, layersDone, layers.size(), percent, speed, eta,
                status(layersDone), finished);
    }

    /** A layer's size as far as it is known: announced, or what it came to once downloaded. */
    private static long knownSize(Layer l) {
        if (l.total > 0) {
            return l.total;
        }
        return l.state.downloaded() ? l.current : 0;
    }

    private String status(int layersDone) {
        if (finalStatus != null) {
            return finalStatus;
        }
        if (retryNotice != null) {
            return retryNotice;
        }
        if (layers.isEmpty()) {
            return lastStatus;
        }
        boolean downloading = layers.values().stream()
                .anyMatch(l -> l.state == State.PENDING || l.state == State.DOWNLOADING);
        String done = " (" + layersDone + " of " + layers.size() + " layers done)";
        if (downloading) {
            return "Downloading" + done;
        }
        boolean unpacking = layers.values().stream().anyMatch(l -> l.state.downloaded() && l.state != State.COMPLETE);
        return (unpacking ? "Extracting" : "Completing") + done;
    }

    private long bytesDone() {
        long sum = 0;
        for (Layer l : layers.values()) {
            sum += l.current;
        }
        return sum;
    }

    /** Keeps the samples inside the window plus the last one before it, the baseline for the speed. */
    private void trim(Instant now) {
        Instant start = now.minus(window);
        while (samples.size() > 1) {
            Sample first = samples.pollFirst();
            Sample second = samples.peekFirst();
            if (second.at().isAfter(start)) {
                samples.addFirst(first);
                break;
            }
        }
    }

    /**
     * Bytes since the baseline over the time since it. A baseline from before the window makes the span a little
     * longer than the window, which understates a rising speed slightly rather than overstating it.
     */
    private double speed(Instant now, long done) {
        Sample base = samples.peekFirst();
        long millis = Duration.between(base.at(), now).toMillis();
        if (millis <= 0) {
            return 0;
        }
        return Math.max(0, done - base.bytes()) * 1000.0 / millis;
    }
}
