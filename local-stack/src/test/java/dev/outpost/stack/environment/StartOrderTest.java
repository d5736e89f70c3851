package dev.outpost.stack.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.profiles.resolve.Plan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartOrderTest {
    private static Plan.Service svc(String name, String... deps) {
        return new Plan.Service(name, name, "1", "img", List.of(), Map.of(), List.of(), List.of(), List.of(), null, null,
                Map.of(), List.of(deps), false, "d");
    }

    @Test
    void independentServicesShareALevelAndDependentsComeAfter() {
        var levels = StartOrder.levels(List.of(svc("app", "db", "cache"), svc("db"), svc("cache"), svc("worker", "app")));
        assertThat(levels).extracting(l -> l.stream().map(Plan.Service::name).toList())
                .containsExactly(List.of("db", "cache"), List.of("app"), List.of("worker"));
    }

    @Test
    void dependenciesOutsideThePlanAreIgnoredAndCyclesRefused() {
        assertThat(StartOrder.levels(List.of(svc("a", "elsewhere")))).hasSize(1);
        assertThatThrownBy(() -> StartOrder.levels(List.of(svc("a", "b"), svc("b", "a"))))
                .hasMessageContaining("dependency cycle");
    }
}
