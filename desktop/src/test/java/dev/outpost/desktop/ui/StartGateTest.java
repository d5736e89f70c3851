package dev.outpost.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartGateTest {
    @Test
    void workWaitsForTheFirstFrameThenRunsInOrderAndLaterWorkRunsAtOnce() {
        List<String> ran = new ArrayList<>();
        StartGate gate = new StartGate();
        UiExecutor executor = gate.wrap(UiExecutor.direct());

        executor.run(() -> "catalog", ran::add, e -> ran.add("failed"));
        executor.run(() -> "environments", ran::add, e -> ran.add("failed"));
        executor.onUi(() -> ran.add("progress"));
        assertThat(ran).containsExactly("progress");

        gate.open();
        assertThat(ran).containsExactly("progress", "catalog", "environments");

        executor.run(() -> "refresh", ran::add, e -> ran.add("failed"));
        assertThat(ran).last().isEqualTo("refresh");
    }
}
