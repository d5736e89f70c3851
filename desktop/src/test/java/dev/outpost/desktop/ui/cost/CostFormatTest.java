package dev.outpost.desktop.ui.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.stack.cost.Intensity;
import dev.outpost.stack.cost.LiveFigures;
import dev.outpost.stack.cost.Rate;
import dev.outpost.stack.cost.store.IdleStop;
import dev.outpost.stack.cost.store.UsageKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CostFormatTest {
    private static final Instant NOW = Instant.parse("2026-03-10T14:20:00Z");

    @Test
    void moneyUsesTheCurrencySymbolAndKeepsTinyFiguresReadable() {
        assertThat(CostFormat.money(2.934, "EUR")).isEqualTo("€2.93");
        assertThat(CostFormat.money(0.04, "EUR")).isEqualTo("€0.04");
        assertThat(CostFormat.money(0.0009, "EUR")).isEqualTo("€0.0009");
        assertThat(CostFormat.money(0.000912, "EUR")).isEqualTo("€0.00091");
        assertThat(CostFormat.money(0, "EUR")).isEqualTo("€0.00");
        assertThat(CostFormat.money(0.12, "USD")).isEqualTo("$0.12");
        assertThat(CostFormat.money(1.2, "CHF")).isEqualTo("CHF 1.20");
        assertThat(CostFormat.money(1.2, "XYZ")).isEqualTo("XYZ 1.20");
    }

    @Test
    void gramsWattsEnergyAndDurations() {
        assertThat(CostFormat.grams(0.63)).isEqualTo("0.6 gCO2e");
        assertThat(CostFormat.grams(0.012)).isEqualTo("0.012 gCO2e");
        assertThat(CostFormat.grams(12.4)).isEqualTo("12 gCO2e");
        assertThat(CostFormat.grams(1530)).isEqualTo("1.5 kgCO2e");
        assertThat(CostFormat.watts(3.14)).isEqualTo("3.1 W");
        assertThat(CostFormat.watts(72.4)).isEqualTo("72 W");
        assertThat(CostFormat.kwh(0.01234)).isEqualTo("0.0123 kWh");
        assertThat(CostFormat.duration(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(CostFormat.duration(Duration.ofMinutes(12))).isEqualTo("12 min");
        assertThat(CostFormat.duration(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
        assertThat(CostFormat.duration(Duration.ofHours(52))).isEqualTo("2 d 4 h");
    }

    @Test
    void liveLineSaysTheRateAndWhenAnIdleEnvironmentStops() {
        LiveFigures idle = new LiveFigures("web-backend", UsageKind.ENVIRONMENT, NOW, 0.01, 1L << 29, OptionalInt.of(0),
                new Rate(3.1, 0.0009, 0.6, "EUR"), Optional.of(NOW.minus(Duration.ofMinutes(12))),
                Optional.of(Instant.parse("2026-03-10T14:32:00Z")));
        assertThat(CostFormat.live(idle, NOW, ZoneOffset.UTC))
                .isEqualTo("3.1 W · €0.0009/h · 0.6 gCO2e/h · idle 12 min, stops at 14:32");
        LiveFigures busy = new LiveFigures("web-backend", UsageKind.ENVIRONMENT, NOW, 0.5, 1L << 29, OptionalInt.of(2),
                new Rate(12, 0.0036, 4.1, "EUR"), Optional.empty(), Optional.of(NOW.plus(Duration.ofMinutes(30))));
        assertThat(CostFormat.live(busy, NOW, ZoneOffset.UTC)).isEqualTo("12 W · €0.0036/h · 4.1 gCO2e/h");
    }

    @Test
    void savingAndStopLinesSayWhatTheStopSaved() {
        IdleStop stop = new IdleStop(1, "web-backend", UsageKind.ENVIRONMENT, Instant.parse("2026-03-10T12:20:00Z"),
                Instant.parse("2026-03-10T11:50:00Z"), 0.02, 6, 0.05, "EUR", Optional.empty());
        assertThat(CostFormat.saving(stop, NOW, ZoneOffset.UTC))
                .isEqualTo("Stopped at 12:20 after 30 min idle · saved €0.04 and 12 gCO2e so far");
        assertThat(CostFormat.stopped(stop)).isEqualTo("Stopped web-backend after 30 min idle; saves €0.02/h and 6.0 gCO2e/h");
        assertThat(CostFormat.saving(stop, NOW.plus(Duration.ofDays(1)), ZoneOffset.UTC)).startsWith("Stopped at 10 Mar 12:20");
    }

    @Test
    void intensityLineNamesTheFigureItsZoneAndSource() {
        Intensity yearly = new Intensity(341, "DE", Intensity.Origin.YEARLY_AVERAGE, "Electricity Maps yearly 2024", NOW);
        assertThat(CostFormat.intensity(yearly, NOW, ZoneOffset.UTC))
                .isEqualTo("Laptop grid: 341 gCO2e/kWh for DE (yearly average) · source: Electricity Maps yearly 2024");
        Intensity live = new Intensity(280, "DE", Intensity.Origin.LIVE, "Electricity Maps", Instant.parse("2026-03-10T14:00:00Z"));
        assertThat(CostFormat.intensity(live, NOW, ZoneOffset.UTC)).contains("(live, for 14:00)");
    }
}
