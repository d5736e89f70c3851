package dev.outpost.stack.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.stack.cost.Intensity.Origin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GridIntensitySourceTest {
    private final FakeElectricityMaps api = new FakeElectricityMaps().zone("DE", 312);
    private final SettableClock clock = new SettableClock(Instant.parse("2025-06-01T10:00:00Z"));

    @AfterEach
    void stop() {
        api.close();
    }

    private GridIntensitySource withLive(String key) {
        return new GridIntensitySource(Optional.of(new ElectricityMapsClient(api.baseUrl(), key,
                Duration.ofSeconds(2), Duration.ofSeconds(5), null)), clock);
    }

    @Test
    void usesTheLiveFigureWhenAKeyIsConfigured() {
        Intensity i = withLive(FakeElectricityMaps.KEY).forZone("de").orElseThrow();

        assertThat(i.gramsPerKwh()).isEqualTo(312.0);
        assertThat(i.origin()).isEqualTo(Origin.LIVE);
        assertThat(i.zone()).isEqualTo("DE");
        assertThat(i.at()).isEqualTo(Instant.parse("2025-03-29T18:00:00Z"));
    }

    @Test
    void reusesALiveFigureWithinTheHourAndAsksAgainAfterIt() {
        GridIntensitySource source = withLive(FakeElectricityMaps.KEY);

        source.forZone("DE");
        clock.advance(Duration.ofMinutes(59));
        source.forZone("DE");
        assertThat(api.hits()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        source.forZone("DE");
        assertThat(api.hits()).isEqualTo(2);
    }

    @Test
    void fallsBackToTheYearlyAverageWhenTheLiveCallFails() {
        Intensity i = withLive("not-the-key").forZone("DE").orElseThrow();

        assertThat(i.origin()).isEqualTo(Origin.YEARLY_AVERAGE);
        assertThat(i.gramsPerKwh()).isEqualTo(GridIntensity.forZone("DE").orElseThrow());
        assertThat(i.source()).contains("2024");
        assertThat(api.hits()).isEqualTo(1);
    }

    @Test
    void aFailedLiveCallIsNotRepeatedForEveryEstimate() {
        api.answerAlways(429, "{\"error\": \"Too many requests\"}");
        GridIntensitySource source = withLive(FakeElectricityMaps.KEY);

        source.forZone("DE");
        clock.advance(GridIntensitySource.FAILURE_BACKOFF.minusSeconds(1));
        assertThat(source.forZone("DE").orElseThrow().origin()).isEqualTo(Origin.YEARLY_AVERAGE);
        assertThat(api.hits()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        source.forZone("DE");
        assertThat(api.hits()).isEqualTo(2);
    }

    @Test
    void withoutAKeyTheYearlyAverageIsUsedAndNothingIsSent() {
        GridIntensitySource source = new GridIntensitySource(Optional.empty(), clock);

        Intensity i = source.forZone("FR").orElseThrow();

        assertThat(i.origin()).isEqualTo(Origin.YEARLY_AVERAGE);
        assertThat(i.gramsPerKwh()).isEqualTo(GridIntensity.forZone("FR").orElseThrow());
        assertThat(i.at()).isEqualTo(clock.instant());
        assertThat(api.hits()).isZero();
    }

    @Test
    void aConfiguredFigureWinsOverLiveAndYearly() {
        GridIntensitySource source = new GridIntensitySource(Optional.of(new ElectricityMapsClient(api.baseUrl(),
                FakeElectricityMaps.KEY, Duration.ofSeconds(2), Duration.ofSeconds(5), null)), clock,
                Map.of("de", 55.0));

        Intensity i = source.forZone("DE").orElseThrow();

        assertThat(i.origin()).isEqualTo(Origin.CONFIGURED);
        assertThat(i.gramsPerKwh()).isEqualTo(55.0);
        assertThat(api.hits()).isZero();
    }

    @Test
    void aZoneNobodyKnowsIsEmpty() {
        assertThat(withLive(FakeElectricityMaps.KEY).forZone("XX")).isEmpty();
    }

    @Test
    void cloudRegionsUseGooglesYearlyFigure() {
        Intensity i = withLive(FakeElectricityMaps.KEY).forRegion("europe-west9").orElseThrow();

        assertThat(i.gramsPerKwh()).isEqualTo(15.83);
        assertThat(i.origin()).isEqualTo(Origin.YEARLY_AVERAGE);
        assertThat(i.source()).contains("region-carbon-info").contains("2025");
        assertThat(api.hits()).isZero();
    }

    /** A clock the test moves by hand, so the cache's hour passes without waiting for it. */
    private static final class SettableClock extends Clock {
        private Instant now;

        SettableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
