package dev.outpost.desktop.ui.environments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.desktop.AppServices;
import dev.outpost.desktop.TestServices;
import dev.outpost.desktop.ui.UiExecutor;
import dev.outpost.desktop.ui.cost.CostFixture;
import dev.outpost.desktop.ui.state.WorkstationState;
import dev.outpost.stack.cost.LiveFigures;
import dev.outpost.stack.cost.Rate;
import dev.outpost.stack.cost.store.UsageKind;
import dev.outpost.stack.settings.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cost and carbon lines on environment cards, from live figures and a real usage store. */
class EnvironmentCardFiguresTest {
    private static final Instant NOW = Instant.parse("2026-03-10T14:20:00Z");

    @TempDir
    Path dir;

    private CostFixture f;
    private EnvironmentsViewModel vm;

    @BeforeEach
    void setUp() {
        f = CostFixture.at(dir.resolve("cost"), NOW);
        AppServices services = TestServices.withChecks(dir.resolve("home"), List.of());
        vm = new EnvironmentsViewModel(new WorkstationState(services.doctor(), UiExecutor.direct()), services.catalog(),
                services.environments(), Settings::defaults, f.fakeMeter(), UiExecutor.direct());
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static EnvironmentCard card(String name, String state) {
        return new EnvironmentCard(name, null, "docker", state, List.of(), Map.of(), null);
    }

    @Test
    void aRunningEnvironmentShowsItsRateIdleTimeAndToday() {
        f.live.put("web-backend", new LiveFigures("web-backend", UsageKind.ENVIRONMENT, NOW, 0.01, 1L << 29,
                OptionalInt.of(0), new Rate(3.1, 0.0009, 0.6, "EUR"), Optional.of(NOW.minus(Duration.ofMinutes(12))),
                Optional.of(NOW.plus(Duration.ofMinutes(12)))));
        // Yesterday's usage is not today's.
        f.sample("web-backend", UsageKind.ENVIRONMENT, Instant.parse("2026-03-09T20:00:00Z"), Duration.ofHours(1), 1, 1, 1);
        f.sample("web-backend", UsageKind.ENVIRONMENT, Instant.parse("2026-03-10T08:00:00Z"), Duration.ofHours(2),
                0.0062, 2.1, 0.0019);

        var figures = vm.figures(List.of(card("web-backend", "running")));

        assertThat(figures.get("web-backend")).isEqualTo(new EnvironmentsViewModel.CardFigures(
                "3.1 W · €0.0009/h · 0.6 gCO2e/h · idle 12 min, stops at 14:32",
                "Today: €0.0019 · 2.1 gCO2e · 0.0062 kWh over 2 h", ""));
    }

    @Test
    void aRunningEnvironmentWithoutFiguresYetSaysItIsMeasuring() {
        var figures = vm.figures(List.of(card("api", "partial"), card("never-started", "absent")));

        assertThat(figures.get("api").live()).isEqualTo("Measuring cost and carbon…");
        assertThat(figures).doesNotContainKey("never-started");
    }

    @Test
    void anEnvironmentTheIdlePolicyStoppedSaysWhenAndWhatThatSaved() {
        f.store.recordIdleStop("web-backend", UsageKind.ENVIRONMENT, Instant.parse("2026-03-10T12:20:00Z"),
                Instant.parse("2026-03-10T11:50:00Z"), 0.02, 6, 0.05, "EUR");

        var figures = vm.figures(List.of(card("web-backend", "stopped")));

        assertThat(figures.get("web-backend").saving())
                .isEqualTo("Stopped at 12:20 after 30 min idle · saved €0.04 and 12 gCO2e so far");
        assertThat(figures.get("web-backend").live()).isEmpty();
    }

    @Test
    void aStopThatWasResumedOrAnEnvironmentRunningAgainShowsNoSaving() {
        f.store.recordIdleStop("web-backend", UsageKind.ENVIRONMENT, Instant.parse("2026-03-10T12:20:00Z"),
                Instant.parse("2026-03-10T11:50:00Z"), 0.02, 6, 0.05, "EUR");
        assertThat(vm.figures(List.of(card("web-backend", "running"))).get("web-backend").saving()).isEmpty();

        f.store.resumed("web-backend", Instant.parse("2026-03-10T13:00:00Z"));
        assertThat(vm.figures(List.of(card("web-backend", "stopped")))).doesNotContainKey("web-backend");
    }

    @Test
    void refreshFiguresPublishesTheLinesForTheCardsShown() {
        f.store.recordIdleStop("web-backend", UsageKind.ENVIRONMENT, Instant.parse("2026-03-10T12:20:00Z"),
                Instant.parse("2026-03-10T11:50:00Z"), 0.02, 6, 0.05, "EUR");
        vm.cards().setAll(card("web-backend", "stopped"));

        vm.refreshFigures();

        assertThat(vm.figures()).containsOnlyKeys("web-backend");
        assertThat(vm.figures().get("web-backend").saving()).startsWith("Stopped at 12:20");
    }
}
