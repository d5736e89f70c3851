package dev.outpost.stack.cost.sampling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Turns readings of cumulative counters into usage over the sampling interval. The first reading of a container
 * only sets its baseline; a counter that goes backwards means the container was restarted, and starts a new one.
 * Containers are read in parallel (a stats call can take a second on Docker Engine), on virtual threads.
 */
public final class StatsSampler {
    private final ContainerStats stats;
    private final Map<String, ContainerReading> previous = new HashMap<>();

    public StatsSampler(ContainerStats stats) {
        this.stats = stats;
    }

    /** A sampler over the same engine with no baselines yet: one per metered set of containers. */
    public StatsSampler fresh() {
        return new StatsSampler(stats);
    }

    /** Usage of {@code containers} since their last reading; empty until a container has two readings. */
    public synchronized Optional<UsageInterval> sample(List<String> containers) throws InterruptedException {
        Map<String, ContainerReading> now = readAll(containers);
        previous.keySet().retainAll(Set.copyOf(containers));
        UsageInterval total = null;
        for (String c : containers) {
            ContainerReading current = now.get(c);
            if (current == null) {
                previous.remove(c);
                continue;
            }
            ContainerReading before = previous.put(c, current);
            if (before == null || current.cpuTotalNanos() < before.cpuTotalNanos()
                    || !current.read().isAfter(before.read())) {
                continue;
            }
            Duration span = Duration.between(before.read(), current.read());
            double cores = (current.cpuTotalNanos() - before.cpuTotalNanos()) / (double) span.toNanos();
            UsageInterval one = new UsageInterval(current.read(), span, cores, current.memoryBytes(),
                    Math.max(0, current.networkBytes() - before.networkBytes()));
            total = total == null ? one : total.plus(one);
        }
        return Optional.ofNullable(total);
    }

    private Map<String, ContainerReading> readAll(List<String> containers) throws InterruptedException {
        Map<String, ContainerReading> out = new HashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Optional<ContainerReading>>> futures = new ArrayList<>();
            for (String c : containers) {
                futures.add(pool.submit(() -> stats.read(c)));
            }
            for (int i = 0; i < containers.size(); i++) {
                String container = containers.get(i);
                try {
                    futures.get(i).get().ifPresent(r -> out.put(container, r));
                } catch (ExecutionException e) {
                    // One container failing to answer (removed mid-read, engine hiccup) leaves the others' figures.
                }
            }
        }
        return out;
    }
}
