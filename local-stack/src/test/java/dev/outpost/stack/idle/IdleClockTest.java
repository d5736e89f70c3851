package dev.outpost.stack.idle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.profiles.resolve.Plan;
import dev.outpost.stack.settings.IdleSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdleClockTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final IdlePolicy THIRTY_MINUTES = IdlePolicy.of(Plan.Idle.DEFAULTS, IdleSettings.DEFAULTS);

    @Test
    void warnsOnceAMinuteAheadThenStopsAfterThePolicysTime() {
        IdleClock clock = new IdleClock(T0);
        assertThat(clock.observe(T0.plus(Duration.ofMinutes(10)), false, THIRTY_MINUTES)).isEqualTo(IdleClock.Step.IDLE);
        assertThat(clock.observe(T0.plus(Duration.ofMinutes(29)), false, THIRTY_MINUTES)).isEqualTo(IdleClock.Step.WARN);
        assertThat(clock.observe(T0.plus(Duration.ofSeconds(29 * 60 + 30)), false, THIRTY_MINUTES)).isEqualTo(IdleClock.Step.IDLE);
        assertThat(clock.stopsAt(THIRTY_MINUTES)).contains(T0.plus(Duration.ofMinutes(30)));
        assertThat(clock.observe(T0.plus(Duration.ofMinutes(30)), false, THIRTY_MINUTES)).isEqualTo(IdleClock.Step.STOP);
    }

    @Test
    void activityAndKeepRunningStartTheWholePeriodAgain() {
        IdleClock clock = new IdleClock(T0);
        clock.observe(T0.plus(Duration.ofMinutes(29)), false, THIRTY_MINUTES);
        clock.keepRunning(T0.plus(Duration.ofMinutes(29)));
        assertThat(clock.observe(T0.plus(Duration.ofMinutes(45)), false, THIRTY_MINUTES)).isEqualTo(IdleClock.Step.IDLE);
        assertThat(clock.observe(T0.plus(Duration.ofMinutes(50)), true, THIRTY_MINUTES)).isEqualTo(IdleClock.Step.ACTIVE);
        assertThat(clock.observe(T0.plus(Duration.ofMinutes(79)), false, THIRTY_MINUTES)).isEqualTo(IdleClock.Step.WARN);
        assertThat(clock.idleSince()).isEqualTo(T0.plus(Duration.ofMinutes(50)));
    }

    @Test
    void neverAndDisabledPoliciesNeverStop() {
        IdlePolicy never = IdlePolicy.of(new Plan.Idle(Optional.empty(), true, Optional.empty(), Optional.empty(),
                Optional.empty()), IdleSettings.DEFAULTS);
        IdlePolicy off = IdlePolicy.of(Plan.Idle.DEFAULTS, IdleSettings.DEFAULTS.withEnabled(false));
        IdleClock clock = new IdleClock(T0);
        assertThat(clock.observe(T0.plus(Duration.ofDays(3)), false, never)).isEqualTo(IdleClock.Step.IDLE);
        assertThat(clock.observe(T0.plus(Duration.ofDays(3)), false, off)).isEqualTo(IdleClock.Step.IDLE);
        assertThat(clock.stopsAt(never)).isEmpty();
    }

    @Test
    void theProfileSpeaksFirstAndSettingsFillTheRest() {
        IdlePolicy p = IdlePolicy.of(new Plan.Idle(Optional.of(Duration.ofHours(2)), false, Optional.of(12.5),
                Optional.empty(), Optional.of(Duration.ofMinutes(3))), IdleSettings.DEFAULTS.withModelKeepAlive("7m"));
        assertThat(p.stopAfter()).contains(Duration.ofHours(2));
        assertThat(p.cpuThreshold()).isEqualTo(12.5);
        assertThat(p.modelKeepAlive()).isEqualTo(Duration.ofMinutes(7));
        assertThat(p.releaseRemoteAfter()).isEqualTo(Duration.ofMinutes(3));
        // A short policy warns at half its time rather than before it starts.
        IdlePolicy shortOne = IdlePolicy.of(new Plan.Idle(Optional.of(Duration.ofSeconds(40)), false, Optional.empty(),
                Optional.empty(), Optional.empty()), IdleSettings.DEFAULTS);
        assertThat(shortOne.warnAfter()).contains(Duration.ofSeconds(20));
    }
}
