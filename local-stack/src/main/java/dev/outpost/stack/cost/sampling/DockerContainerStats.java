package dev.outpost.stack.cost.sampling;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.StatisticNetworksConfig;
import com.github.dockerjava.api.model.Statistics;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One non-streaming stats call per reading, on Docker Engine and Podman's compatible API alike. The engine's
 * own {@code precpu} figures are ignored: Outpost differences its own readings, so the interval is the
 * sampling period and not whatever the engine last measured.
 */
public final class DockerContainerStats implements ContainerStats {
    private static final long TIMEOUT_SECONDS = 10;

    private final Supplier<DockerClient> docker;
    private final Clock clock;

    public DockerContainerStats(Supplier<DockerClient> docker, Clock clock) {
        this.docker = docker;
        this.clock = clock;
    }

    @Override
    public Optional<ContainerReading> read(String container) throws InterruptedException {
        Statistics[] got = new Statistics[1];
        try (ResultCallback.Adapter<Statistics> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Statistics s) {
                got[0] = s;
            }
        }) {
            docker.get().statsCmd(container).withNoStream(true).exec(callback)
                    .awaitCompletion(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (NotFoundException gone) {
            return Optional.empty();
        } catch (java.io.IOException closeFailed) {
            // The reading, if any, is already in hand; a failed close of a finished call changes nothing.
        }
        Statistics s = got[0];
        if (s == null || s.getCpuStats() == null || s.getCpuStats().getCpuUsage() == null
                || s.getCpuStats().getCpuUsage().getTotalUsage() == null) {
            return Optional.empty();
        }
        return Optional.of(new ContainerReading(readAt(s.getRead()), s.getCpuStats().getCpuUsage().getTotalUsage(),
                memory(s.getMemoryStats()), network(s)));
    }

    /** The engine's timestamp; a stopped container reports the zero time, which is no reading at all. */
    private Instant readAt(String read) {
        try {
            Instant at = read == null ? null : Instant.parse(read);
            return at == null || at.getEpochSecond() <= 0 ? clock.instant() : at;
        } catch (DateTimeParseException e) {
            return clock.instant();
        }
    }

    /** Usage less the inactive page cache: cgroup v2's inactive_file, v1's total_inactive_file, as docker stats does. */
    static long memory(MemoryStatsConfig m) {
        if (m == null || m.getUsage() == null) {
            return 0;
        }
        long cache = 0;
        if (m.getStats() != null) {
            Long v = m.getStats().getInactiveFile() != null ? m.getStats().getInactiveFile()
                    : m.getStats().getTotalInactiveFile();
            cache = v == null ? 0 : v;
        }
        return Math.max(0, m.getUsage() - cache);
    }

    private static long network(Statistics s) {
        if (s.getNetworks() == null) {
            return 0;
        }
        long total = 0;
        for (StatisticNetworksConfig n : s.getNetworks().values()) {
            total += (n.getRxBytes() == null ? 0 : n.getRxBytes()) + (n.getTxBytes() == null ? 0 : n.getTxBytes());
        }
        return total;
    }
}
