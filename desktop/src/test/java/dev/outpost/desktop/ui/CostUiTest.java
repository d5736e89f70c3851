package dev.outpost.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.outpost.desktop.AppServices;
import dev.outpost.desktop.TestServices;
import dev.outpost.desktop.ui.cost.CostFixture;
import dev.outpost.desktop.ui.shell.Screen;
import dev.outpost.stack.cost.CostMonitor;
import dev.outpost.stack.cost.store.UsageKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window over a seeded usage store and a real cost monitor whose rounds the test drives: the Cost screen
 * draws the days and totals, and the idle warning's "Keep running" keeps the environment from being stopped.
 */
@ExtendWith(ApplicationExtension.class)
class CostUiTest {
    private static final Instant START = Instant.parse("2026-03-10T14:00:00Z");

    @TempDir
    Path tmp;

    private CostFixture cost;
    private CostMonitor monitor;

    @Start
    void start(Stage stage) {
        AppServices services = TestServices.withChecks(tmp.resolve("home"), TestServices.typicalLaptop());
        cost = CostFixture.at(tmp, START);
        cost.sample("web-backend", UsageKind.ENVIRONMENT, Instant.parse("2026-03-08T09:00:00Z"), Duration.ofHours(2),
                0.02, 6.8, 0.006);
        cost.sample("web-backend", UsageKind.ENVIRONMENT, Instant.parse("2026-03-10T09:00:00Z"), Duration.ofHours(1),
                0.01, 3.4, 0.003);
        cost.sample("gke-l4", UsageKind.REMOTE_GPU, Instant.parse("2026-03-09T10:00:00Z"), Duration.ofHours(1),
                0.08, 20, 0.85);
        cost.store.recordIdleStop("api", UsageKind.ENVIRONMENT, Instant.parse("2026-03-10T12:20:00Z"),
                Instant.parse("2026-03-10T11:50:00Z"), 0.02, 6, 0.05, "EUR");
        monitor = cost.idleMonitor("web-backend", Duration.ofMinutes(30));
        new DesktopShell(services, UiExecutor.fx(), cost.monitorMeter()).show(stage);
    }

    @AfterEach
    void close() {
        cost.close();
    }

    @Test
    void theCostScreenChartsTheLastDaysAndTotalsPerSubject(FxRobot robot) throws Exception {
        robot.clickOn("#" + Screen.COST.navId());
        waitFor(10, TimeUnit.SECONDS, () -> FxQueries.text(robot, "#cost-saved").startsWith("Saved by idle stops"));

        List<String> series = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#cost-chart")
                .<StackedBarChart<String, Number>>query().getData().stream().map(XYChart.Series::getName).toList())
                .get(10, TimeUnit.SECONDS);
        assertThat(series).containsExactly("gke-l4", "web-backend");
        int bars = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#cost-chart").<StackedBarChart<String, Number>>query()
                .getXAxis().getTickMarks().size()).get(10, TimeUnit.SECONDS);
        assertThat(bars).as("one category per day of the week").isEqualTo(7);
        List<String> subjects = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#cost-totals")
                .<TableView<dev.outpost.desktop.ui.cost.CostViewModel.TotalRow>>query().getItems().stream()
                .map(r -> r.subject() + " " + r.cost()).toList()).get(10, TimeUnit.SECONDS);
        assertThat(subjects).containsExactly("gke-l4 €0.85", "web-backend €0.009");
        assertThat(FxQueries.text(robot, "#cost-headline")).startsWith("7 days: €0.86 · 30 gCO2e");
        assertThat(FxQueries.text(robot, "#cost-saved")).isEqualTo("Saved by idle stops: €0.03 and 10 gCO2e (1 stop)");
        assertThat(FxQueries.text(robot, "#cost-intensity")).contains("341 gCO2e/kWh for DE (yearly average)");

        robot.clickOn("#cost-metric-grams");
        waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> robot.lookup("#cost-chart")
                .<StackedBarChart<String, Number>>query().getYAxis().getLabel()).get().equals("gCO2e"));
    }

    @Test
    void keepRunningOnTheIdleWarningKeepsTheEnvironmentRunning(FxRobot robot) throws Exception {
        monitor.tick();
        cost.clock.advance(Duration.ofMinutes(29));
        monitor.tick();
        waitFor(10, TimeUnit.SECONDS, () -> FxQueries.visible(robot, "#notice-keep-web-backend"));
        assertThat(FxQueries.present(robot, "#notice-warning-web-backend")).isTrue();

        robot.clickOn("#notice-keep-web-backend");
        waitFor(10, TimeUnit.SECONDS, () -> !FxQueries.present(robot, "#notice-warning-web-backend"));

        // Past the stop time the warning announced, the environment still runs: its idle time started again.
        cost.clock.advance(Duration.ofMinutes(2));
        monitor.tick();
        assertThat(cost.stopped).isEmpty();
        assertThat(monitor.live("web-backend").orElseThrow().stopsAt()).hasValue(START.plus(Duration.ofMinutes(59)));

        // Left idle for its whole period after that, it is stopped, and the window says what that saves.
        cost.clock.advance(Duration.ofMinutes(30));
        monitor.tick();
        assertThat(cost.stopped).containsExactly("web-backend");
        waitFor(10, TimeUnit.SECONDS, () -> FxQueries.present(robot, "#notice-stopped-web-backend"));
        String text = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#notice-stopped-web-backend")
                .<atlantafx.base.controls.Notification>query().getMessage()).get(10, TimeUnit.SECONDS);
        assertThat(text).startsWith("Stopped web-backend after 32 min idle; saves €");
    }
}
