package dev.outpost.profiles.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ProgressAdapterTest {
    @Test
    void reportsOncePerPercentAndPassesCancellationThrough() {
        List<String> seen = new ArrayList<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        ProgressAdapter p = new ProgressAdapter((t, d, n) -> seen.add(t + " " + d + "/" + n), cancelled::get);

        p.beginTask("Receiving objects", 1000);
        for (int i = 0; i < 1000; i++) {
            p.update(1);
        }
        p.endTask();
        p.beginTask("Resolving deltas", org.eclipse.jgit.lib.ProgressMonitor.UNKNOWN);
        p.update(250);

        assertThat(seen).hasSize(1 + 100 + 1 + 2);
        assertThat(seen.getFirst()).isEqualTo("Receiving objects 0/1000");
        assertThat(seen).contains("Receiving objects 10/1000", "Receiving objects 1000/1000",
                "Resolving deltas 0/0", "Resolving deltas 250/0");
        assertThat(p.isCancelled()).isFalse();
        cancelled.set(true);
        assertThat(p.isCancelled()).isTrue();
    }
}
