package dev.outpost.desktop.ui.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.desktop.ui.UiExecutor;
import dev.outpost.stack.cost.LiveFigures;
import dev.outpost.stack.cost.Rate;
import dev.outpost.stack.cost.store.UsageKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Cost screen's model over a real usage store: chart series per subject and day, totals, savings, intensity. */
class CostViewModelTest {
    private static final Instant NOW = Instant.parse("2026-03-10T14:20:00Z");

    @TempDir
    Path dir;

    private CostFixture f;
    private CostViewModel vm;

    @BeforeEach
    void seed() {
        f = CostFixture.at(dir, NOW);
        // web-backend ran on the 8th and today; the remote GPU on the 9th; something 20 days ago.
        f.sample("web-backend", UsageKind.ENVIRONMENT, Instant.parse("2026-03-08T09:00:00Z"), Duration.ofHours(2),
                0.02, 6.8, 0.006);
        f.sample("web-backend", UsageKind.ENVIRONMENT, Instant.parse("2026-03-10T09:00:00Z"), Duration.ofHours(1),
                0.01, 3.4, 0.003);
        f.sample("gke-l4", UsageKind.REMOTE_GPU, Instant.parse("2026-03-09T10:00:00Z"), Duration.ofHours(1),
                0.08, 20, 0.85);
        f.sample("old-env", UsageKind.ENVIRONMENT, Instant.parse("2026-02-18T10:00:00Z"), Duration.ofHours(1),
                0.01, 3, 0.003);
        f.store.recordIdleStop("web-backend", UsageKind.ENVIRONMENT, Instant.parse("2026-03-10T12:20:00Z"),
                Instant.parse("2026-03-10T11:50:00Z"), 0.02, 6, 0.05, "EUR");
        vm = new CostViewModel(f.fakeMeter(), UiExecutor.direct());
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void theChartStacksEachSubjectPerDayOfTheLastSevenDays() {
        vm.refresh();

        assertThat(vm.days()).containsExactly("4 Mar", "5 Mar", "6 Mar", "7 Mar", "8 Mar", "9 Mar", "10 Mar");
        assertThat(vm.series()).extracting(XYChart.Series::getName).containsExactly("gke-l4", "web-backend");
        assertThat(values(vm.series().get(1))).containsExactly(0.0, 0.0, 0.0, 0.0, 0.006, 0.0, 0.003);
        assertThat(values(vm.series().get(0))).containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, 0.85, 0.0);
        assertThat(vm.series().get(1).getData()).extracting(XYChart.Data::getXValue).containsExactlyElementsOf(vm.days());
        assertThat(vm.axisLabelProperty().get()).isEqualTo("Cost (EUR)");

        vm.metricProperty().set(CostViewModel.Metric.GRAMS);
        assertThat(values(vm.series().get(1))).containsExactly(0.0, 0.0, 0.0, 0.0, 6.8, 0.0, 3.4);
        assertThat(vm.axisLabelProperty().get()).isEqualTo("gCO2e");
        vm.metricProperty().set(CostViewModel.Metric.KWH);
        assertThat(values(vm.series().get(0))).containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, 0.08, 0.0);
    }

    @Test
    void theRangeDecidesWhichDaysAndTotalsCount() {
        vm.rangeProperty().set(CostViewModel.Range.TODAY);
        assertThat(vm.days()).containsExactly("10 Mar");
        assertThat(vm.series()).extracting(XYChart.Series::getName).containsExactly("web-backend");
        assertThat(vm.totals()).extracting(CostViewModel.TotalRow::subject).containsExactly("web-backend");

        vm.rangeProperty().set(CostViewModel.Range.MONTH);
        assertThat(vm.days()).hasSize(30).startsWith("9 Feb").endsWith("10 Mar");
        assertThat(vm.series()).extracting(XYChart.Series::getName).containsExactly("gke-l4", "old-env", "web-backend");
    }

    @Test
    void totalsPerSubjectWithWhatRunsNow() {
        f.live.put("web-backend", new LiveFigures("web-backend", UsageKind.ENVIRONMENT, NOW, 0.01, 1L << 29,
                OptionalInt.of(0), new Rate(3.1, 0.0009, 0.6, "EUR"), Optional.empty(), Optional.empty()));
        vm.refresh();

        CostViewModel.TotalRow web = vm.totals().stream().filter(r -> r.subject().equals("web-backend")).findFirst()
                .orElseThrow();
        assertThat(web).isEqualTo(new CostViewModel.TotalRow("web-backend", "environment", "3 h", "0.03 kWh",
                "10 gCO2e", "€0.009", "10 W", "€0.0009/h · 0.6 gCO2e/h"));
        CostViewModel.TotalRow gpu = vm.totals().stream().filter(r -> r.subject().equals("gke-l4")).findFirst()
                .orElseThrow();
        assertThat(gpu.kind()).isEqualTo("remote GPU");
        assertThat(gpu.cost()).isEqualTo("€0.85");
        assertThat(gpu.averageWatts()).isEqualTo("80 W");
        assertThat(gpu.now()).isEmpty();
        assertThat(vm.headlineProperty().get())
                .isEqualTo("7 days: €0.86 · 30 gCO2e · 0.11 kWh · now €0.0009/h and 0.6 gCO2e/h");
    }

    @Test
    void savingsFromIdleStopsAndTheGridIntensityInUse() {
        vm.refresh();

        // Stopped at 12:20 at €0.02/h and 6 g/h, still stopped at 14:20.
        assertThat(vm.savedProperty().get()).isEqualTo("Saved by idle stops: €0.04 and 12 gCO2e (1 stop)");
        assertThat(vm.idleStops()).containsExactly("web-backend · stopped 12:20 after 30 min idle · still stopped"
                + " · saved €0.04 and 12 gCO2e over 2 h");
        assertThat(vm.intensityProperty().get()).startsWith("Laptop grid: 341 gCO2e/kWh for DE (yearly average)")
                .contains("source: Electricity Maps yearly 2024");
        assertThat(vm.messageProperty().get()).isEmpty();
    }

    @Test
    void anEmptyHistoryShowsZerosAndNoSeries() {
        vm.rangeProperty().set(CostViewModel.Range.TODAY);
        f.clock.advance(Duration.ofDays(60));
        vm.refresh();

        assertThat(vm.series()).isEmpty();
        assertThat(vm.totals()).isEmpty();
        assertThat(vm.headlineProperty().get()).isEqualTo("Today: €0.00 · 0 gCO2e · 0 kWh · nothing metered runs now");
    }

    private static List<Double> values(XYChart.Series<String, Number> s) {
        return s.getData().stream().map(d -> d.getYValue().doubleValue()).toList();
    }
}
