package dev.outpost.stack.docker.pull;

import static dev.outpost.stack.docker.pull.PullMessages.fixture;
import static dev.outpost.stack.docker.pull.PullMessages.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.github.dockerjava.api.model.PullResponseItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PullAggregatorTest {
    private static final Duration STEP = Duration.ofMillis(50);
    private static final long MB = 1_000_000;

    private final ManualClock clock = new ManualClock();

    /** Feeds every message, one {@link #STEP} apart, and returns the progress after each. */
    private List<PullProgress> replay(PullAggregator aggregator, List<PullResponseItem> items) {
        List<PullProgress> seen = new ArrayList<>();
        for (PullResponseItem i : items) {
            clock.advance(STEP);
            seen.add(aggregator.accept(i));
        }
        return seen;
    }

    private static PullResponseItem downloading(String layer, long current, long total) {
        return item("{\"status\":\"Downloading\",\"progressDetail\":{\"current\":" + current + ",\"total\":" + total
                + "},\"id\":\"" + layer + "\"}");
    }

    @Test
    void interleavedLayersAreSummedInBytes() {
        PullAggregator agg = new PullAggregator("127.0.0.1:5000/rec/multi:1", clock);
        List<PullProgress> seen = replay(agg, fixture("fresh-interleaved"));

        // Line 29: every layer has announced its size; two are downloaded, two are part way.
        PullProgress mid = seen.get(28);
        assertThat(mid.bytesDone()).isEqualTo(300_286 + 114 + 2_266_112 + 1_851_392);
        assertThat(mid.bytesTotal()).isEqualTo(8_002_640 + 300_286 + 12_003_859 + 114);
        assertThat(mid.percent()).isCloseTo(21.7557, within(0.001));
        assertThat(mid.layersDone()).isZero();
        assertThat(mid.layersTotal()).isEqualTo(4);
        assertThat(mid.status()).isEqualTo("Downloading (0 of 4 layers done)");
        // 4,417,904 bytes in the 1.45 s since the start, all inside the 5 s window.
        assertThat(mid.bytesPerSecond()).isCloseTo(4_417_904 / 1.45, within(0.01));
        assertThat(mid.eta()).contains(Duration.ofMillis(5215));
        assertThat(mid.finished()).isFalse();
    }

    @Test
    void layersWithoutASizeYetCountAsTheAverageOfThoseWithOne() {
        List<PullProgress> seen = replay(new PullAggregator("x", clock), fixture("fresh-interleaved"));

        // Line 7: only the 300 kB layer has a size, so four layers of 300 kB are expected.
        assertThat(seen.get(6).percent()).isCloseTo(100.0 * 3_678 / (4 * 300_286), within(1e-9));
        // Line 8: an 8 MB layer joins; the two still unsized count as the average of 300 kB and 8 MB.
        long average = (300_286 + 8_002_640) / 2;
        assertThat(seen.get(7).percent())
                .isCloseTo(100.0 * (3_678 + 85_597) / (300_286 + 8_002_640 + 2 * average), within(1e-9));
        assertThat(seen).allSatisfy(p -> assertThat(p.percent()).isBetween(0.0, 100.0));
    }

    @Test
    void theStatusFollowsThePhasesAndTheEndReportsTheImage() {
        PullAggregator agg = new PullAggregator("127.0.0.1:5000/rec/multi:1", clock);
        List<PullProgress> seen = replay(agg, fixture("fresh-interleaved"));

        assertThat(seen.get(0).status()).isEqualTo("Pulling from rec/multi");
        assertThat(seen.get(0).layersTotal()).as("the tag in 'Pulling from' is no layer").isZero();
        assertThat(seen.get(66).status()).isEqualTo("Downloading (1 of 4 layers done)");
        assertThat(seen.get(84).status()).isEqualTo("Extracting (2 of 4 layers done)");
        PullProgress last = seen.getLast();
        assertThat(last.finished()).isTrue();
        assertThat(last.percent()).isEqualTo(100.0);
        assertThat(last.layersDone()).isEqualTo(4);
        assertThat(last.bytesDone()).isEqualTo(last.bytesTotal()).isEqualTo(20_306_899);
        assertThat(last.eta()).contains(Duration.ZERO);
        assertThat(last.status()).isEqualTo("Downloaded newer image for 127.0.0.1:5000/rec/multi:1");
        assertThat(agg.digest()).contains("sha256:ac450ecc097588e0d5f32407d5861a58e1d10f76299c5e35910015f9a57d44c7");
        assertThat(agg.upToDate()).isFalse();
    }

    @Test
    void layersThatAlreadyExistAreDoneButAddNoBytes() {
        List<PullProgress> seen = replay(new PullAggregator("x", clock), fixture("some-layers-exist"));

        PullProgress started = seen.get(3);
        assertThat(started.layersDone()).isEqualTo(2);
        assertThat(started.layersTotal()).isEqualTo(3);
        assertThat(started.bytesTotal()).isZero();
        PullProgress downloading = seen.get(4);
        assertThat(downloading.bytesTotal()).isEqualTo(5_001_729);
        assertThat(downloading.percent()).isCloseTo(100.0 * 69_213 / 5_001_729, within(1e-9));
        assertThat(downloading.status()).isEqualTo("Downloading (2 of 3 layers done)");
        assertThat(seen.getLast().percent()).isEqualTo(100.0);
        assertThat(seen.getLast().bytesDone()).isEqualTo(5_001_729);
    }

    @Test
    void anUpToDateImageIsFinishedAtOnce() {
        PullAggregator agg = new PullAggregator("127.0.0.1:5000/rec/multi:2", clock);
        PullProgress last = replay(agg, fixture("up-to-date")).getLast();

        assertThat(last.finished()).isTrue();
        assertThat(last.percent()).isEqualTo(100.0);
        assertThat(last.layersTotal()).isZero();
        assertThat(last.bytesDone()).isZero();
        assertThat(last.status()).isEqualTo("Image is up to date for 127.0.0.1:5000/rec/multi:2");
        assertThat(agg.upToDate()).isTrue();
    }

    @Test
    void aLayerWithoutASizeIsEstimatedWhileDownloadingAndCountedOnceDownloaded() {
        List<PullProgress> seen = replay(new PullAggregator("x", clock), fixture("no-sizes"));

        PullProgress both = seen.get(4);
        assertThat(both.bytesDone()).isEqualTo(1_048_576 + 524_288);
        assertThat(both.bytesTotal()).as("only the announced size").isEqualTo(4_194_304);
        assertThat(both.percent()).isCloseTo(100.0 * (1_048_576 + 524_288) / (2 * 4_194_304), within(1e-9));
        PullProgress bothDownloaded = seen.get(12);
        assertThat(bothDownloaded.bytesTotal()).isEqualTo(4_194_304 + 3_000_000);
        assertThat(bothDownloaded.percent()).isEqualTo(100.0);
        assertThat(bothDownloaded.status()).isEqualTo("Extracting (0 of 2 layers done)");
        assertThat(seen.getLast().bytesDone()).isEqualTo(7_194_304);
    }

    @Test
    void beforeAnySizeIsKnownTheShareOfFinishedLayersIsAllThereIs() {
        PullAggregator agg = new PullAggregator("x", clock);
        agg.accept(item("{\"status\":\"Already exists\",\"progressDetail\":{},\"id\":\"aaaaaaaaaaaa\"}"));
        PullProgress p = agg.accept(item("{\"status\":\"Pulling fs layer\",\"progressDetail\":{},\"id\":\"bbbbbbbbbbbb\"}"));

        assertThat(p.percent()).isEqualTo(50.0);
        assertThat(p.eta()).isEmpty();
    }

    @Test
    void speedIsMeasuredOverTheWindowAndDecaysWhenNoBytesCome() {
        PullAggregator agg = new PullAggregator("x", clock, Duration.ofSeconds(5));
        long total = 40 * MB;
        for (int s = 1; s <= 10; s++) {
            clock.advance(Duration.ofSeconds(1));
            agg.accept(downloading("cccccccccccc", s * MB, total));
        }
        PullProgress steady = agg.snapshot();
        assertThat(steady.bytesPerSecond()).isCloseTo(1.0 * MB, within(0.001));
        assertThat(steady.eta()).contains(Duration.ofSeconds(30));

        // It slows to a quarter: after 5 s at the new pace, the window holds nothing of the old one.
        for (int s = 1; s <= 5; s++) {
            clock.advance(Duration.ofSeconds(1));
            agg.accept(downloading("cccccccccccc", 10 * MB + s * MB / 4, total));
        }
        assertThat(agg.snapshot().bytesPerSecond()).isCloseTo(MB / 4.0, within(0.001));

        clock.advance(Duration.ofSeconds(6));
        PullProgress idle = agg.snapshot();
        assertThat(idle.bytesPerSecond()).isZero();
        assertThat(idle.eta()).isEmpty();
        assertThat(idle.bytesDone()).isEqualTo(10 * MB + 5 * MB / 4);
    }

    @Test
    void aRetryIsShownAndItsRestartedCountNeitherGoesNegativeNorBreaksTheSpeed() {
        List<PullProgress> seen = replay(new PullAggregator("x", clock), fixture("retry"));

        assertThat(seen.get(4).status()).isEqualTo("Retrying in 4 seconds");
        PullProgress restarted = seen.getLast();
        assertThat(restarted.status()).isEqualTo("Downloading (0 of 1 layers done)");
        assertThat(restarted.bytesDone()).isEqualTo(65_536);
        assertThat(restarted.bytesPerSecond()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void errorsAndUnknownMessagesChangeNothing() {
        PullAggregator agg = new PullAggregator("x", clock);
        PullProgress before = agg.accept(downloading("dddddddddddd", 10, 100));

        PullProgress afterError = agg.accept(item("{\"errorDetail\":{\"message\":\"unexpected EOF\"},"
                + "\"error\":\"unexpected EOF\"}"));
        PullProgress afterUnknown = agg.accept(item("{\"status\":\"Defragmenting\",\"id\":\"dddddddddddd\"}"));

        assertThat(afterError).isEqualTo(before);
        assertThat(afterUnknown.bytesDone()).isEqualTo(10);
        assertThat(afterUnknown.status()).isEqualTo("Downloading (0 of 1 layers done)");
    }

    @Test
    void finishingWithoutAFinalStatusCompletesEveryLayer() {
        PullAggregator agg = new PullAggregator("ghcr.io/acme/tool:1", clock);
        agg.accept(downloading("eeeeeeeeeeee", 10, 100));

        PullProgress done = agg.finish();

        assertThat(done.percent()).isEqualTo(100.0);
        assertThat(done.bytesDone()).isEqualTo(100);
        assertThat(done.layersDone()).isEqualTo(1);
        assertThat(done.status()).isEqualTo("Pulled ghcr.io/acme/tool:1");
    }
}
