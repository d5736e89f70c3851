package dev.outpost.stack.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ModelPullAggregatorTest {
    private static final String WEIGHTS = "sha256:dde5aa3fc5ffc17176b5e8bdc82f587b24b2678c6c66101bf7da77af9f7ccdff";
    private static final String TEMPLATE = "sha256:966de95ca8a62200913e3f8bfbf84c8494536f1b94b49166851e76644e966396";

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-01-01T00:00:00Z"));
    private final InstantSource clock = () -> now.get();
    private final ModelPullAggregator agg = new ModelPullAggregator("llama3.2", clock);

    @Test
    void sumsLayersAndWorksOutSpeedAndEta() {
        agg.accept("pulling manifest", null, 0, 0);
        ModelPullProgress p = agg.accept("pulling dde5aa3fc5ff", WEIGHTS, 2_000, 0);
        assertThat(p.bytesTotal()).isEqualTo(2_000);
        assertThat(p.eta()).isEmpty();

        advance(1);
        p = agg.accept("pulling dde5aa3fc5ff", WEIGHTS, 2_000, 500);
        assertThat(p.bytesDone()).isEqualTo(500);
        assertThat(p.percent()).isEqualTo(25);
        assertThat(p.bytesPerSecond()).isEqualTo(500);
        assertThat(p.eta()).hasValue(Duration.ofSeconds(3));
        assertThat(p.status()).isEqualTo("pulling dde5aa3fc5ff");

        advance(1);
        p = agg.accept("pulling dde5aa3fc5ff", WEIGHTS, 2_000, 2_000);
        assertThat(p.layersDone()).isEqualTo(1);
        p = agg.accept("pulling 966de95ca8a6", TEMPLATE, 100, 100);
        assertThat(p.layersTotal()).isEqualTo(2);
        assertThat(p.bytesDone()).isEqualTo(2_100);
        assertThat(p.finished()).isFalse();

        agg.accept("verifying sha256 digest", null, 0, 0);
        p = agg.accept("success", null, 0, 0);
        assertThat(p.finished()).isTrue();
        assertThat(p.percent()).isEqualTo(100);
        assertThat(p.eta()).hasValue(Duration.ZERO);
        assertThat(p.status()).isEqualTo("success");
    }

    @Test
    void aResumedAttemptContinuesTheSameLayers() {
        agg.accept("pulling dde5aa3fc5ff", WEIGHTS, 2_000, 800);
        ModelPullProgress p = agg.resumed(2, "stalled, resuming (attempt 2 of 5)");
        assertThat(p.attempt()).isEqualTo(2);
        assertThat(p.bytesDone()).isEqualTo(800);

        // The retry's first line for the layer has no "completed" yet: the bytes in place still count.
        p = agg.accept("pulling dde5aa3fc5ff", WEIGHTS, 2_000, 0);
        assertThat(p.bytesDone()).isEqualTo(800);
        p = agg.accept("pulling dde5aa3fc5ff", WEIGHTS, 2_000, 1_200);
        assertThat(p.layersTotal()).isEqualTo(1);
        assertThat(p.bytesDone()).isEqualTo(1_200);
    }

    @Test
    void speedDecaysWhileNothingArrives() {
        agg.accept("pulling dde5aa3fc5ff", WEIGHTS, 10_000, 0);
        advance(1);
        agg.accept("pulling dde5aa3fc5ff", WEIGHTS, 10_000, 1_000);
        assertThat(agg.snapshot().bytesPerSecond()).isPositive();

        advance(30);
        assertThat(agg.snapshot().bytesPerSecond()).isZero();
        assertThat(agg.snapshot().eta()).isEmpty();
    }

    private void advance(int seconds) {
        now.set(now.get().plusSeconds(seconds));
    }
}
