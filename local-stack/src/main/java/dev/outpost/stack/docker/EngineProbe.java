package dev.outpost.stack.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.api.model.VersionComponent;
import dev.outpost.stack.docker.EngineAttempt.Failure;
import dev.outpost.stack.platform.OperatingSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finds a running engine: pings the candidates in order and describes the first that answers.
 * Each candidate gets a bounded time, so a wedged engine or an unreachable host costs seconds, not minutes.
 */
public final class EngineProbe {
    /** How long one candidate may take to answer a ping, and each later request. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final DockerEndpointResolver resolver;
    private final Duration timeout;

    public EngineProbe(DockerEndpointResolver resolver) {
        this(resolver, DEFAULT_TIMEOUT);
    }

    public EngineProbe(DockerEndpointResolver resolver, Duration timeout) {
        this.resolver = resolver;
        this.timeout = timeout;
    }

    /**
     * @throws EngineUnavailableException listing every attempt, when no candidate answers
     * @throws InterruptedException       if the calling thread is interrupted while waiting for an engine
     */
    public EngineInfo probe() throws InterruptedException {
        Candidates candidates = resolver.search();
        List<EngineAttempt> failed = new ArrayList<>();
        for (DockerEndpoint endpoint : candidates.endpoints()) {
            Optional<EngineAttempt> refusal = precheck(endpoint);
            if (refusal.isPresent()) {
                failed.add(refusal.get());
                continue;
            }
            DockerClient client = null;
            try {
                client = DockerClients.create(endpoint, timeout);
                DockerClient c = client;
                bounded(() -> c.pingCmd().exec());
                // Answering a ping is no promise: /info can hang on a sick VM, so it gets the same bound.
                return bounded(() -> describe(endpoint, c, failed, candidates.resolveError()));
            } catch (TimeoutException e) {
                failed.add(new EngineAttempt(endpoint, Failure.TIMED_OUT, "after " + seconds(timeout)));
            } catch (ExecutionException e) {
                failed.add(Failures.classify(endpoint, e.getCause()));
            } catch (RuntimeException e) {
                failed.add(Failures.classify(endpoint, e));
            } finally {
                closeQuietly(client);
            }
        }
        throw new EngineUnavailableException(failed, candidates.resolveError());
    }

    private static Optional<EngineAttempt> precheck(DockerEndpoint endpoint) {
        if (!endpoint.supported()) {
            return Optional.of(new EngineAttempt(endpoint, Failure.UNSUPPORTED, ""));
        }
        // A missing socket needs no connection attempt, and its error text varies by platform.
        return endpoint.socketPath().filter(p -> !Files.exists(p))
                .map(p -> new EngineAttempt(endpoint, Failure.NO_SUCH_FILE, ""));
    }

    /**
     * Runs one request apart, so that no stage of it (connect, TLS, a reply that never comes) can outlast the
     * timeout: docker-java's unix and npipe sockets ignore read timeouts altogether.
     */
    private <T> T bounded(Callable<T> call) throws InterruptedException, TimeoutException, ExecutionException {
        FutureTask<T> task = new FutureTask<>(call);
        Thread.ofVirtual().name("outpost-engine-probe").start(task);
        try {
            return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | InterruptedException e) {
            // The client is closed right after, which unblocks the request's socket.
            task.cancel(true);
            throw e;
        }
    }

    private static void closeQuietly(DockerClient client) {
        if (client == null) {
            return;
        }
        try {
            client.close();
        } catch (IOException | RuntimeException e) {
            // closing only frees connections; the answer (or the failure) is already in hand
        }
    }

    private EngineInfo describe(DockerEndpoint endpoint, DockerClient client, List<EngineAttempt> failedBefore,
                                Optional<DockerEndpointException> resolveError) {
        Version version = client.versionCmd().exec();
        Info info = client.infoCmd().exec();
        String rootDir = nullToEmpty(info.getDockerRootDir());
        String operatingSystem = nullToEmpty(info.getOperatingSystem());
        OptionalLong free = isLocal(endpoint, operatingSystem) ? freeSpace(rootDir) : OptionalLong.empty();
        return new EngineInfo(endpoint, kindOf(version, info),
                firstNonEmpty(version.getVersion(), info.getServerVersion()),
                nullToEmpty(version.getApiVersion()),
                operatingSystem,
                firstNonEmpty(version.getOperatingSystem(), info.getOsType()),
                firstNonEmpty(version.getArch(), info.getArchitecture()),
                nullToEmpty(info.getCGroupDriver()),
                Optional.ofNullable(info.getCGroupVersion()).filter(s -> !s.isBlank()),
                rootDir, free,
                zeroIfNull(info.getContainersRunning()), zeroIfNull(info.getContainers()), zeroIfNull(info.getImages()),
                failedBefore, resolveError);
    }

    /** Podman names itself in /version's components; older or trimmed builds only in names and OS strings. */
    static EngineKind kindOf(Version version, Info info) {
        List<String> names = new ArrayList<>();
        if (version.getComponents() != null) {
            version.getComponents().stream().map(VersionComponent::getName).forEach(names::add);
        }
        if (version.getPlatform() != null) {
            names.add(version.getPlatform().getName());
        }
        names.add(info.getOperatingSystem());
        names.add(info.getName());
        boolean podman = names.stream().anyMatch(n -> n != null && n.toLowerCase(Locale.ROOT).contains("podman"));
        return podman ? EngineKind.PODMAN : EngineKind.DOCKER;
    }

    /**
     * Whether the engine's root directory is a directory of this machine. Behind a VM (Docker Desktop, Colima,
     * every engine on macOS and Windows) the same path on this machine would measure the wrong disk.
     */
    private boolean isLocal(DockerEndpoint endpoint, String operatingSystem) {
        return resolver.environment().os() == OperatingSystem.LINUX
                && endpoint.socketPath().isPresent()
                && endpoint.product().map(p -> !p.vmEvenOnLinux()).orElse(true)
                && !operatingSystem.toLowerCase(Locale.ROOT).contains("docker desktop");
    }

    private static OptionalLong freeSpace(String rootDir) {
        if (rootDir.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Files.getFileStore(Path.of(rootDir)).getUsableSpace());
        } catch (IOException | InvalidPathException | SecurityException e) {
            return OptionalLong.empty();
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static int zeroIfNull(Integer i) {
        return i == null ? 0 : i;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String firstNonEmpty(String a, String b) {
        return a != null && !a.isBlank() ? a : nullToEmpty(b);
    }
}
