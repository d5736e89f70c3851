package dev.outpost.stack.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.stack.inference.OllamaException.Kind;
import dev.outpost.stack.inference.fake.OllamaDouble;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ModelPullTest {
    private static final long TOTAL = 4_000_000L + 1_500 + 100 + 500;
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final OllamaDouble ollama = OllamaDouble.start().pullLayers(4_000_000, 1_500, 100, 500).pullChunk(500_000);
    private final OllamaClient client = new OllamaClient(ollama.uri());
    private final Recorder recorder = new Recorder();
    /** Every reading of the clock is 50 ms after the last, so speeds and ETAs are positive and finite. */
    private final PullOptions options = PullOptions.DEFAULTS.withClock(new Ticking(Duration.ofMillis(50)))
            .withStallTimeout(Duration.ofSeconds(1)).withMaxAttempts(3);

    @AfterEach
    void close() {
        client.close();
        ollama.close();
    }

    @Test
    void progressReachesAHundredPercentAndEndsWithSuccess() throws Exception {
        ModelPullProgress last = client.pull("llama3.2", recorder, options).await(WAIT);

        assertThat(last.finished()).isTrue();
        assertThat(last.status()).isEqualTo("success");
        assertThat(last.percent()).isEqualTo(100);
        assertThat(last.bytesDone()).isEqualTo(TOTAL);
        assertThat(last.bytesTotal()).isEqualTo(TOTAL);
        assertThat(last.layersDone()).isEqualTo(4);
        assertThat(last.attempt()).isEqualTo(1);
        assertThat(recorder.progress).allSatisfy(p -> {
            assertThat(p.percent()).isBetween(0.0, 100.0);
            assertThat(p.bytesDone()).isBetween(0L, p.bytesTotal());
            p.eta().ifPresent(eta -> assertThat(eta.isNegative()).isFalse());
        });
        assertThat(recorder.progress).extracting(ModelPullProgress::status)
                .contains("pulling manifest", "verifying sha256 digest", "writing manifest", "success");
        ModelPullProgress mid = recorder.progress.stream()
                .filter(p -> p.bytesDone() == 2_000_000).findFirst().orElseThrow();
        assertThat(mid.percent()).isEqualTo(50.0);
        assertThat(mid.bytesPerSecond()).isPositive();
        assertThat(mid.eta()).hasValueSatisfying(eta -> assertThat(eta).isPositive());
        assertThat(recorder.resumes).isEmpty();
        assertThat(client.tags()).extracting(LocalModel::name).containsExactly("llama3.2:latest");
    }

    @Test
    void stallIsAbandonedAndResumed() throws Exception {
        ollama.stallNextPull(1_000_000, Duration.ofSeconds(60));

        ModelPullProgress last = client.pull("llama3.2", recorder, options).await(WAIT);

        assertThat(last.finished()).isTrue();
        assertThat(last.attempt()).isEqualTo(2);
        assertThat(recorder.resumes).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(PullResume.Reason.STALLED);
            assertThat(r.attempt()).isEqualTo(2);
            assertThat(r.maxAttempts()).isEqualTo(3);
        });
        assertThat(ollama.requests("/api/pull")).hasSize(2);
        // The second request continued the partial layer rather than starting over: its first layer line already
        // counts the bytes the double had in place when it went silent, and no figure went backwards.
        long beforeStall = recorder.progress.stream().filter(p -> p.attempt() == 1)
                .mapToLong(ModelPullProgress::bytesDone).max().orElseThrow();
        List<ModelPullProgress> resumed = recorder.progress.stream().filter(p -> p.attempt() == 2).toList();
        assertThat(resumed).allSatisfy(p -> assertThat(p.bytesDone()).isGreaterThanOrEqualTo(beforeStall));
        assertThat(resumed.stream().filter(p -> p.status().startsWith("pulling ") && !p.status().equals("pulling manifest")).findFirst())
                .hasValueSatisfying(p -> assertThat(p.bytesDone()).isGreaterThanOrEqualTo(1_000_000));
    }

    @Test
    void longSilenceWhileVerifyingIsNotAStall() throws Exception {
        ollama.verifyDelay(Duration.ofMillis(2_500));

        ModelPullProgress last = client.pull("llama3.2", recorder, options.withStallTimeout(Duration.ofSeconds(1))
                .withVerifyingStallTimeout(Duration.ofSeconds(30))).await(WAIT);

        assertThat(last.finished()).isTrue();
        assertThat(recorder.resumes).isEmpty();
        assertThat(ollama.requests("/api/pull")).hasSize(1);
    }

    @Test
    void droppedConnectionIsResumed() throws Exception {
        ollama.dropNextPull(2_000_000);

        ModelPullProgress last = client.pull("llama3.2", recorder, options).await(WAIT);

        assertThat(last.finished()).isTrue();
        assertThat(last.bytesDone()).isEqualTo(TOTAL);
        assertThat(recorder.resumes).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(PullResume.Reason.DROPPED));
        assertThat(ollama.requests("/api/pull")).hasSize(2);
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        ollama.dropNextPull(1_000_000);

        PullHandle handle = client.pull("llama3.2", recorder, options.withMaxAttempts(1));

        assertThatThrownBy(() -> handle.await(WAIT))
                .isInstanceOfSatisfying(OllamaException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.STREAM_ERROR);
                    assertThat(e.getMessage()).contains("llama3.2", "1 attempts");
                });
        assertThat(recorder.resumes).isEmpty();
    }

    @Test
    void cancelStopsPromptlyWhileTheStreamIsSilent() throws Exception {
        ollama.stallNextPull(1, Duration.ofSeconds(60));
        CountDownLatch layerStarted = new CountDownLatch(1);
        PullHandle handle = client.pull("llama3.2", p -> {
            if (p.layersTotal() > 0) {
                layerStarted.countDown();
            }
        }, options.withStallTimeout(Duration.ofSeconds(60)));
        assertThat(layerStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        handle.cancel();

        assertThatThrownBy(() -> handle.await(Duration.ofSeconds(5))).isInstanceOf(CancellationException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(ollama.requests("/api/pull")).hasSize(1);
    }

    @Test
    void cancelClosesTheStream() throws Exception {
        ollama.pullChunk(10_000).pullLineDelay(Duration.ofMillis(5));
        CountDownLatch bytesArrived = new CountDownLatch(1);
        PullHandle handle = client.pull("llama3.2", p -> {
            if (p.bytesDone() > 0) {
                bytesArrived.countDown();
            }
        }, options);
        assertThat(bytesArrived.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        handle.cancel();

        assertThatThrownBy(() -> handle.await(Duration.ofSeconds(5))).isInstanceOf(CancellationException.class);
        assertThat(ollama.awaitClientDisconnects(1, Duration.ofSeconds(10))).isTrue();
        assertThat(client.tags()).isEmpty();
    }

    @Test
    void closingTheClientEndsAPull() throws Exception {
        ollama.stallNextPull(1, Duration.ofSeconds(60));
        CountDownLatch layerStarted = new CountDownLatch(1);
        PullHandle handle = client.pull("llama3.2", p -> {
            if (p.layersTotal() > 0) {
                layerStarted.countDown();
            }
        }, options);
        assertThat(layerStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        client.close();

        assertThatThrownBy(() -> handle.await(Duration.ofSeconds(5))).isInstanceOf(CancellationException.class);
        assertThat(ollama.requests("/api/pull")).hasSize(1);
    }

    @Test
    void unknownNameIsModelNotFound() {
        ollama.notInRegistry("nope");

        PullHandle handle = client.pull("nope", recorder, options);

        assertThatThrownBy(() -> handle.await(WAIT))
                .isInstanceOfSatisfying(OllamaException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MODEL_NOT_FOUND);
                    assertThat(e.getMessage()).contains("file does not exist");
                });
        assertThat(ollama.requests("/api/pull")).hasSize(1);
    }

    private static final class Recorder implements PullListener {
        final List<ModelPullProgress> progress = new CopyOnWriteArrayList<>();
        final List<PullResume> resumes = new CopyOnWriteArrayList<>();

        @Override
        public void onProgress(ModelPullProgress p) {
            progress.add(p);
        }

        @Override
        public void onResume(PullResume r) {
            resumes.add(r);
        }
    }

    private static final class Ticking implements InstantSource {
        private final AtomicLong millis = new AtomicLong(1_700_000_000_000L);
        private final long step;

        Ticking(Duration step) {
            this.step = step.toMillis();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.addAndGet(step));
        }
    }
}
