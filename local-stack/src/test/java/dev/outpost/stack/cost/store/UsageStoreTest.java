package dev.outpost.stack.cost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-28T22:59:30Z");

    @TempDir
    Path dir;

    private static UsageSample sample(String env, Instant at, double kwh, double grams, double cost) {
        return new UsageSample(env, UsageKind.ENVIRONMENT, at, Duration.ofSeconds(15), kwh, grams, cost, "EUR", 0.3, 1e9);
    }

    @Test
    void totalsSurviveReopeningTheFile() {
        Path file = dir.resolve("usage.db");
        try (UsageStore store = UsageStore.open(file)) {
            store.add(sample("web", T0, 0.001, 0.2, 0.0003));
            store.add(sample("web", T0.plusSeconds(15), 0.002, 0.4, 0.0006));
            store.add(sample("rag", T0, 0.010, 2.0, 0.003));
        }
        try (UsageStore store = UsageStore.open(file)) {
            assertThat(store.totals(T0.minusSeconds(3600), Optional.empty()))
                    .extracting(UsageTotal::subject).containsExactly("rag", "web");
            UsageTotal web = store.totals(T0.minusSeconds(3600), Optional.of("web")).getFirst();
            assertThat(web.kwh()).isCloseTo(0.003, within(1e-12));
            assertThat(web.grams()).isCloseTo(0.6, within(1e-12));
            assertThat(web.running()).isEqualTo(Duration.ofSeconds(30));
            assertThat(web.averageWatts()).isCloseTo(0.003 * 1000 / (30 / 3600.0), within(1e-9));
        }
    }

    @Test
    void samplesInOneMinuteShareARowAndOlderOnesAreLeftOutOfAPeriod() {
        try (UsageStore store = UsageStore.open(dir.resolve("u.db"))) {
            store.add(sample("web", T0.minus(Duration.ofDays(8)), 5, 5, 5));
            for (int i = 0; i < 4; i++) {
                store.add(sample("web", T0.plusSeconds(30 + 15 * i), 1, 1, 1));
            }
            assertThat(store.totals(T0.minus(Duration.ofDays(7)), Optional.empty()).getFirst().kwh()).isEqualTo(4);
            assertThat(store.totals(T0.minus(Duration.ofDays(9)), Optional.empty()).getFirst().kwh()).isEqualTo(9);
        }
    }

    @Test
    void daysFollowTheUsersCalendarAcrossADaylightSavingChange() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        try (UsageStore store = UsageStore.open(dir.resolve("u.db"))) {
            // 22:59:30 UTC on 28 March is 23:59:30 in Berlin (CET); an hour later the clocks have gone forward.
            store.add(sample("web", T0, 1, 10, 0.1));
            store.add(sample("web", T0.plusSeconds(60), 2, 20, 0.2));
            // 29 March has 23 hours there: 23 h and a minute later it is already the 30th in Berlin.
            store.add(sample("web", T0.plus(Duration.ofHours(23)).plusSeconds(60), 4, 40, 0.4));
            assertThat(store.daily(T0.minus(Duration.ofDays(1)), berlin, Optional.empty()))
                    .extracting(DailyUsage::day, DailyUsage::kwh)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 3, 28), 1.0),
                            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 3, 29), 2.0),
                            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 3, 30), 4.0));
        }
    }

    @Test
    void theWindowAndTheCliCanWriteAtTheSameTime() throws Exception {
        Path file = dir.resolve("shared.db");
        try (UsageStore window = UsageStore.open(file); UsageStore cli = UsageStore.open(file)) {
            Thread a = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 200; i++) {
                    window.add(sample("web", T0.plusSeconds(i * 60L), 1, 1, 1));
                }
            });
            for (int i = 0; i < 200; i++) {
                cli.add(sample("web", T0.plusSeconds(i * 60L), 1, 1, 1));
            }
            a.join();
            assertThat(window.totals(T0, Optional.empty()).getFirst().kwh()).isEqualTo(400);
        }
    }

    @Test
    void anIdleStopSavesItsRateUntilTheEnvironmentRunsAgain() {
        try (UsageStore store = UsageStore.open(dir.resolve("u.db"))) {
            IdleStop stop = store.recordIdleStop("web", UsageKind.ENVIRONMENT, T0, T0.minus(Duration.ofMinutes(30)),
                    0.12, 40, 0.2, "EUR");
            assertThat(stop.savedCost(T0.plus(Duration.ofMinutes(30)))).isCloseTo(0.06, within(1e-12));
            assertThat(store.lastIdleStop("web")).get().extracting(IdleStop::resumedAt).isEqualTo(Optional.empty());

            store.resumed("web", T0.plus(Duration.ofHours(2)));
            IdleStop closed = store.lastIdleStop("web").orElseThrow();
            assertThat(closed.resumedAt()).contains(T0.plus(Duration.ofHours(2)));
            assertThat(closed.savedGrams(T0.plus(Duration.ofDays(3)))).isCloseTo(80, within(1e-9));
            assertThat(store.lastIdleStop("rag")).isEmpty();
        }
    }

    @Test
    void anUnreadableFileIsNamedInTheError() throws Exception {
        Path file = dir.resolve("usage.db");
        Files.writeString(file, "this is not a database, and longer than a header would be. ".repeat(20));
        assertThatThrownBy(() -> UsageStore.open(file)).isInstanceOf(UsageStoreException.class)
                .hasMessageContaining(file.toString());
    }
}
