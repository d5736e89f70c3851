package dev.outpost.stack.inference;

import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns {@code /api/pull}'s NDJSON status lines into one {@link ModelPullProgress}. Ollama reports, per layer,
 * {@code {"status":"pulling <12 hex>","digest":"sha256:...","total":N,"completed":M}} many times over
 * ({@code completed} absent until bytes arrive), and between layers plain statuses: "pulling manifest",
 * "verifying sha256 digest", "writing manifest", "removing unused layers", "success".
 *
 * <p>Layers are kept by digest across re-issued requests: Ollama resumes a partial layer, so a retry's lines
 * continue the same layers rather than adding new ones. Not thread-safe: one pull's lines arrive on one thread.
 */
public final class ModelPullAggregator {
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(5);
    static final String SUCCESS = "success";

    private static final class Layer {
        long total;
        long completed;
    }

    private final String model;
    private final TransferRate rate;
    private final Map<String, Layer> layers = new LinkedHashMap<>();
    private String status = "waiting for the server";
    private int attempt = 1;
    private boolean finished;

    public ModelPullAggregator(String model, InstantSource clock) {
        this(model, clock, DEFAULT_WINDOW);
    }

    public ModelPullAggregator(String model, InstantSource clock, Duration window) {
        this.model = model;
        this.rate = new TransferRate(clock, window);
    }

    /**
     * Takes one status line and returns the progress after it.
     *
     * @param digest    the layer's digest, null or empty for whole-pull statuses
     * @param total     the layer's size in bytes, 0 when the line has none
     * @param completed bytes of it in place, 0 when the line has none
     */
    public ModelPullProgress accept(String statusText, String digest, long total, long completed) {
        if (statusText != null && !statusText.isEmpty()) {
            status = statusText;
        }
        if (digest != null && !digest.isEmpty()) {
            Layer layer = layers.computeIfAbsent(digest, d -> new Layer());
            if (total > 0) {
                layer.total = total;
            }
            // Lines without "completed" come before any byte of the layer (or of this attempt) arrived: they say
            // nothing about bytes already there, so they leave the count alone.
            if (completed > 0) {
                layer.completed = completed;
            }
        }
        if (SUCCESS.equals(statusText)) {
            finished = true;
        }
        rate.record(bytesDone());
        return snapshot();
    }

    /** The pull is being re-issued; the next lines are its attempt {@code n}. */
    public ModelPullProgress resumed(int n, String why) {
        attempt = n;
        status = why;
        return snapshot();
    }

    public boolean finished() {
        return finished;
    }

    public ModelPullProgress snapshot() {
        long done = bytesDone();
        long total = 0;
        int layersDone = 0;
        for (Layer l : layers.values()) {
            total += l.total;
            if (l.total > 0 && l.completed >= l.total) {
                layersDone++;
            }
        }
        double speed = finished ? 0 : rate.bytesPerSecond(done);
        double percent;
        Optional<Duration> eta = Optional.empty();
        if (finished) {
            percent = 100;
            eta = Optional.of(Duration.ZERO);
        } else {
            percent = total == 0 ? 0 : Math.min(100, 100.0 * done / total);
            if (speed > 0 && total > 0) {
                eta = Optional.of(Duration.ofMillis(Math.round(Math.max(0, total - done) / speed * 1000)));
            }
        }
        return new ModelPullProgress(model, status, done, total, layersDone, layers.size(), percent, speed, eta,
                attempt, finished);
    }

    private long bytesDone() {
        long sum = 0;
        for (Layer l : layers.values()) {
            sum += l.total > 0 ? Math.min(l.completed, l.total) : l.completed;
        }
        return sum;
    }
}
