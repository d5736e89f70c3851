package dev.outpost.stack.doctor;

import dev.outpost.profiles.Runtime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every probe at once (each mostly waits on a child process or a socket) and assembles the
 * report, marking what the chosen runtime cannot do without.
 */
public final class Doctor {
    private static final Logger LOG = LoggerFactory.getLogger(Doctor.class);
    /** A probe that has not answered by then is reported as failed rather than holding up the rest. */
    static final Duration PROBE_DEADLINE = Duration.ofSeconds(20);

    private static final Map<Runtime, Set<String>> REQUIRED = Map.of(
            Runtime.DOCKER, Set.of("engine"),
            Runtime.KIND, Set.of("engine", "kind"),
            Runtime.K3D, Set.of("engine", "k3d"));

    private final List<DiagnosticProbe> probes;
    private final Clock clock;

    public Doctor(List<DiagnosticProbe> probes) {
        this(probes, Clock.systemUTC());
    }

    Doctor(List<DiagnosticProbe> probes, Clock clock) {
        this.probes = List.copyOf(probes);
        this.clock = clock;
    }

    public static Set<String> requiredFor(Runtime runtime) {
        return REQUIRED.get(runtime);
    }

    public DoctorReport diagnose(Runtime runtime) throws InterruptedException {
        Set<String> required = requiredFor(runtime);
        List<Check> checks = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Check>> futures = probes.stream().map(p -> pool.submit(p::run)).toList();
            long deadline = System.nanoTime() + PROBE_DEADLINE.toNanos();
            for (int i = 0; i < probes.size(); i++) {
                Check c = collect(probes.get(i), futures.get(i), deadline);
                checks.add(c.withRequired(required.contains(c.id())));
            }
        }
        return new DoctorReport(clock.instant(), runtime, checks);
    }

    private static Check collect(DiagnosticProbe probe, Future<Check> future, long deadlineNanos)
            throws InterruptedException {
        try {
            return future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return Check.of(probe.id(), probe.id(), CheckStatus.FAILED,
                    "no answer within " + PROBE_DEADLINE.toSeconds() + " s", Map.of(), null);
        } catch (ExecutionException e) {
            // Probes are written not to throw; if one does, the report still comes out, with the reason.
            LOG.warn("probe {} failed", probe.id(), e.getCause());
            return Check.of(probe.id(), probe.id(), CheckStatus.FAILED, "check failed: " + e.getCause(), Map.of(),
                    null);
        }
    }
}
