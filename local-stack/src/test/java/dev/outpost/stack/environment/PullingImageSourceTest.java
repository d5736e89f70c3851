package dev.outpost.stack.environment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.stack.docker.pull.PullProgress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PullingImageSourceTest {
    @Test
    void progressReadsAsBytesPercentSpeedAndTimeLeft() {
        PullProgress p = new PullProgress("postgres:16", 12_300_000, 80_100_000, 1, 4, 15.4, 4_200_000,
                Optional.of(Duration.ofSeconds(16)), "Downloading (1 of 4 layers done)", false);
        assertThat(PullingImageSource.describe(p)).isEqualTo("12.3 MB of 80.1 MB (15%), 4.2 MB/s, 16 s left");
    }

    @Test
    void beforeSizesAreKnownTheEnginesStatusIsShown() {
        assertThat(PullingImageSource.describe(PullProgress.starting("redis:7.4"))).isEqualTo("Waiting for the engine");
    }
}
