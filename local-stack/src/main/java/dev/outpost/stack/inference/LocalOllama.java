package dev.outpost.stack.inference;

import dev.outpost.stack.gpu.GpuDetection;
import dev.outpost.stack.inference.LocalOllamaException.Reason;
import dev.outpost.stack.inference.LocalOllamaServer.How;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.process.Command;
import dev.outpost.stack.process.OutputExcerpt;
import dev.outpost.stack.process.OutputListener;
import dev.outpost.stack.process.ProcessResult;
import dev.outpost.stack.process.ProcessRunner;
import dev.outpost.stack.process.RunningProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Makes sure a local Ollama server answers, in this order:
 * <ol>
 *   <li>one already answers at OLLAMA_HOST (default 127.0.0.1:11434): use it, start nothing;</li>
 *   <li>{@code ollama} is on PATH: run {@code ollama serve} bound to 127.0.0.1 on OLLAMA_HOST's port, and stop
 *       it again on {@link LocalOllamaServer#close()};</li>
 *   <li>a container engine is available: run the {@code ollama/ollama} image, published on 127.0.0.1 only,
 *       with the NVIDIA GPUs when some were detected.</li>
 * </ol>
 * Native first because it can use every GPU (Metal on macOS, which containers cannot) and starts fastest.
 * Outpost never binds Ollama to anything but loopback: it has no authentication.
 */
public final class LocalOllama {

    /**
     * Whether an Ollama server answers at a base URI (Ollama's {@code GET /} says "Ollama is running").
     * Plugged in by the Ollama client; implementations return false rather than throw for "nothing there".
     */
    @FunctionalInterface
    public interface Probe {
        boolean answers(URI baseUri);
    }

    /** The container path, so it can be tested without an engine. See {@link DockerOllamaContainers}. */
    public interface Containers {
        /** Creates (pulling the image) or reuses, and starts, the container; says which it did. */
        String start(OllamaContainerSpec spec, Consumer<String> progress) throws InterruptedException;

        boolean isRunning(String name);

        /** The container's state in words, for a message when it stopped. */
        String state(String name);
    }

    /**
     * @param processStartTimeout   how long {@code ollama serve} gets to answer; it takes about a second
     * @param containerStartTimeout how long a started container gets (after its image is present)
     * @param pollInterval          between two probes
     * @param imageTag              the {@code ollama/ollama} tag for the container path
     * @param registryMirror        Docker Hub mirror from the settings; null for none
     * @param outpostVersion        for the container's labels
     * @param keepAlive             how long a model stays loaded after its last request, for a server Outpost starts
     *                              (OLLAMA_KEEP_ALIVE); null leaves Ollama's own 5 minutes
     */
    public record Options(Duration processStartTimeout, Duration containerStartTimeout, Duration pollInterval,
                          String imageTag, String registryMirror, String outpostVersion, Duration keepAlive) {
        public Options(Duration processStartTimeout, Duration containerStartTimeout, Duration pollInterval,
                       String imageTag, String registryMirror, String outpostVersion) {
            this(processStartTimeout, containerStartTimeout, pollInterval, imageTag, registryMirror, outpostVersion, null);
        }

        public Options withKeepAlive(Duration d) {
            return new Options(processStartTimeout, containerStartTimeout, pollInterval, imageTag, registryMirror,
                    outpostVersion, d);
        }

        /** Go's duration syntax, which OLLAMA_KEEP_ALIVE is parsed with; seconds, so 1d and 1h30m both fit. */
        String keepAliveValue() {
            return keepAlive == null ? null : keepAlive.toSeconds() + "s";
        }

        public static Options defaults(String registryMirror, String outpostVersion) {
            return new Options(Duration.ofSeconds(30), Duration.ofSeconds(90), Duration.ofMillis(250),
                    OllamaContainerSpec.DEFAULT_TAG, registryMirror, outpostVersion);
        }
    }

    /** {@code ollama serve} runs as long as Outpost needs it; the command timeout must not end it. */
    static final Duration SERVE_FOREVER = Duration.ofDays(36_500);
    private static final Duration EXIT_DRAIN = Duration.ofSeconds(3);

    private final HostEnvironment env;
    private final ProcessRunner runner;
    private final Probe probe;
    private final Optional<Containers> containers;
    private final OutputListener serverLog;
    private final Options options;

    /**
     * @param containers empty when no container engine is available
     * @param serverLog  receives every line {@code ollama serve} prints
     */
    public LocalOllama(HostEnvironment env, ProcessRunner runner, Probe probe, Optional<Containers> containers,
                       OutputListener serverLog, Options options) {
        this.env = env;
        this.runner = runner;
        this.probe = probe;
        this.containers = Objects.requireNonNull(containers, "containers");
        this.serverLog = serverLog;
        this.options = options;
    }

    /**
     * @param gpu      decides whether the container asks for the NVIDIA GPUs
     * @param progress steps in words ("starting ollama serve", image pull progress)
     * @throws LocalOllamaException when no server answers and none could be started
     */
    public LocalOllamaServer ensure(GpuDetection gpu, Consumer<String> progress) throws InterruptedException {
        OllamaHost host = OllamaHost.fromEnvironment(env);
        String from = env.get(OllamaHost.VARIABLE).isPresent() ? "OLLAMA_HOST" : "the default address";
        if (answers(host.baseUri())) {
            return new LocalOllamaServer(host.baseUri(), How.ALREADY_RUNNING, "an Ollama server already answers at "
                    + host.baseUri() + " (" + from + ") → using it", null, null);
        }
        if (!isThisMachine(host)) {
            throw new LocalOllamaException(Reason.NOT_LOCAL, "OLLAMA_HOST is " + host + ", which does not answer, "
                    + "and Outpost starts Ollama only on this machine.", "Start Ollama on " + host.host()
                    + ", or unset OLLAMA_HOST to let Outpost run one here.", null);
        }
        // 0.0.0.0 in OLLAMA_HOST would expose an unauthenticated server to the network: bind loopback instead.
        String bind = OllamaContainerSpec.HOST_IP + ":" + host.port();
        URI local = URI.create("http://" + bind);
        String nothing = "nothing answered at " + host.baseUri() + " (" + from + ")";

        Optional<Path> ollama = env.findExecutable("ollama");
        if (ollama.isPresent()) {
            return startProcess(ollama.get(), bind, local, nothing, progress);
        }
        if (containers.isPresent()) {
            return startContainer(containers.get(), gpu, host.port(), local, nothing + " and ollama is not on PATH",
                    progress);
        }
        throw new LocalOllamaException(Reason.NOTHING_TO_START, nothing + ", ollama is not on PATH, and no container "
                + "engine is available to run it in.", "Install Ollama (https://ollama.com/download) or start Docker, "
                + "then try again.", null);
    }

    private LocalOllamaServer startProcess(Path ollama, String bind, URI local, String why, Consumer<String> progress)
            throws InterruptedException {
        Command serve = Command.of(ollama.toString(), "serve").withEnv(OllamaHost.VARIABLE, bind)
                .withTimeout(SERVE_FOREVER);
        if (options.keepAliveValue() != null) {
            serve = serve.withEnv("OLLAMA_KEEP_ALIVE", options.keepAliveValue());
        }
        progress.accept("starting " + serve.display() + " on " + bind);
        RunningProcess process = runner.start(serve, serverLog);
        try {
            waitUntilAnswers(local, options.processStartTimeout(), process::isAlive,
                    () -> "ollama serve exited before it answered" + exitDetail(process));
        } catch (LocalOllamaException | InterruptedException e) {
            process.cancel();
            throw e;
        }
        return new LocalOllamaServer(local, How.STARTED_PROCESS, why + "; started " + ollama + " serve on " + bind,
                process, null);
    }

    private LocalOllamaServer startContainer(Containers engine, GpuDetection gpu, int port, URI local, String why,
                                             Consumer<String> progress) throws InterruptedException {
        boolean nvidia = gpu instanceof GpuDetection.Nvidia;
        OllamaContainerSpec spec = OllamaContainerSpec.of(options.imageTag(), options.registryMirror(), port, nvidia,
                options.outpostVersion()).withKeepAlive(options.keepAliveValue());
        String what = engine.start(spec, progress);
        waitUntilAnswers(local, options.containerStartTimeout(), () -> engine.isRunning(spec.name()),
                () -> "the Ollama container stopped before it answered: " + engine.state(spec.name()));
        String gpuNote = gpu instanceof GpuDetection.AppleSilicon
                ? " (containers cannot use the Apple GPU: install Ollama for Metal)" : "";
        return new LocalOllamaServer(local, How.STARTED_CONTAINER, why + "; " + what + ", on "
                + OllamaContainerSpec.HOST_IP + ":" + port + gpuNote, null, spec.name());
    }

    private void waitUntilAnswers(URI uri, Duration timeout, BooleanSupplier alive, Supplier<String> whyDead)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (answers(uri)) {
                return;
            }
            if (!alive.getAsBoolean()) {
                // It may have answered in its last moment; one more look before calling it dead.
                if (answers(uri)) {
                    return;
                }
                throw new LocalOllamaException(Reason.EXITED, whyDead.get(), "See Outpost's log for the server's "
                        + "output; a port in use (" + uri.getPort() + ") is the usual cause.", null);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new LocalOllamaException(Reason.DID_NOT_ANSWER, "Ollama did not answer at " + uri + " within "
                        + timeout.toSeconds() + " s, and was stopped.", "See Outpost's log for the server's output.",
                        null);
            }
            Thread.sleep(options.pollInterval());
        }
    }

    private boolean answers(URI uri) {
        try {
            return probe.answers(uri);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String exitDetail(RunningProcess process) {
        try {
            ProcessResult r = process.completion().get(EXIT_DRAIN.toMillis(), TimeUnit.MILLISECONDS);
            String tail = OutputExcerpt.errorTail(r, 3, 300);
            return " (exit code " + r.exitCode() + (tail.isEmpty() ? ")" : "): " + tail);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } catch (ExecutionException | TimeoutException e) {
            return "";
        }
    }

    /** Loopback, or an unspecified address that Ollama would bind on every interface including loopback. */
    static boolean isThisMachine(OllamaHost host) {
        return switch (host.host()) {
            case "", "0.0.0.0", "::" -> true;
            default -> TargetAccess.isLoopback(host.host());
        };
    }
}
