package dev.outpost.desktop.ui.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.desktop.ui.UiExecutor;
import dev.outpost.stack.cost.CostMonitor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notifications from a real monitor over one idle fake environment, its rounds driven by the test. */
class IdleNoticesViewModelTest {
    private static final Instant START = Instant.parse("2026-03-10T14:00:00Z");

    @TempDir
    Path dir;

    private CostFixture f;
    private CostMonitor monitor;
    private IdleNoticesViewModel vm;

    @BeforeEach
    void setUp() {
        f = CostFixture.at(dir, START);
        monitor = f.idleMonitor("web-backend", Duration.ofMinutes(30));
        vm = new IdleNoticesViewModel(f.monitorMeter(), UiExecutor.direct());
        vm.listen();
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void warnsBeforeTheStopAndKeepRunningStartsTheIdleTimeAgain() throws Exception {
        monitor.tick();
        f.clock.advance(Duration.ofMinutes(29));
        monitor.tick();

        assertThat(vm.notices()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(IdleNoticesViewModel.Kind.WARNING);
            assertThat(n.message()).isEqualTo("web-backend has been idle; it stops at 14:30 unless it is used. Its data is kept.");
            assertThat(n.canKeepRunning()).isTrue();
        });

        vm.keepRunning(vm.notices().getFirst());

        assertThat(vm.notices()).isEmpty();
        f.clock.advance(Duration.ofMinutes(2));
        monitor.tick();
        assertThat(f.stopped).as("kept running past the first stop time").isEmpty();
        assertThat(monitor.live("web-backend").orElseThrow().stopsAt()).hasValue(START.plus(Duration.ofMinutes(59)));
    }

    @Test
    void aStopReplacesTheWarningWithWhatItSaves() throws Exception {
        monitor.tick();
        f.clock.advance(Duration.ofMinutes(29));
        monitor.tick();
        f.clock.advance(Duration.ofMinutes(2));
        monitor.tick();

        assertThat(f.stopped).containsExactly("web-backend");
        assertThat(vm.notices()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(IdleNoticesViewModel.Kind.STOPPED);
            assertThat(n.message()).startsWith("Stopped web-backend after 31 min idle; saves €").contains("/h and ");
            assertThat(n.canKeepRunning()).isFalse();
        });
        assertThat(f.store.lastIdleStop("web-backend")).isPresent();

        vm.dismiss(vm.notices().getFirst());
        assertThat(vm.notices()).isEmpty();
    }

    @Test
    void aFailedStopSaysSoAndOnlyTheNewestNoticesStay() {
        var listener = vm.listener();
        for (int i = 0; i < IdleNoticesViewModel.MAX + 2; i++) {
            listener.warned("env-" + i, START.plus(Duration.ofMinutes(30)));
        }
        listener.stopFailed("env-9", new IllegalStateException("engine gone"));

        assertThat(vm.notices()).hasSize(IdleNoticesViewModel.MAX);
        assertThat(vm.notices().getLast().message()).isEqualTo("Could not stop idle env-9: engine gone. It keeps running.");
        assertThat(vm.notices().getFirst().subject()).isEqualTo("env-3");
    }
}
