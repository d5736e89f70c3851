package dev.outpost.stack.inference;

import dev.outpost.stack.process.RunningProcess;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The local Ollama server Outpost uses, and how it came to be. Closing stops it only if Outpost started it
 * as a process: a server that was already running is the user's, and the container is meant to stay (restart
 * policy unless-stopped) so its models stay loaded and the next start is instant.
 */
public final class LocalOllamaServer implements AutoCloseable {
    public enum How { ALREADY_RUNNING, STARTED_PROCESS, STARTED_CONTAINER }

    private final URI baseUri;
    private final How how;
    private final String reason;
    private final RunningProcess process;
    private final String container;

    LocalOllamaServer(URI baseUri, How how, String reason, RunningProcess process, String container) {
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        this.how = Objects.requireNonNull(how, "how");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.process = process;
        this.container = container;
    }

    /** Where to send API requests, e.g. {@code http://127.0.0.1:11434}. */
    public URI baseUri() {
        return baseUri;
    }

    public How how() {
        return how;
    }

    /** One sentence: which path was taken and why, for the log and the status view. */
    public String reason() {
        return reason;
    }

    /** The started {@code ollama serve}, when {@link How#STARTED_PROCESS}. */
    public Optional<RunningProcess> process() {
        return Optional.ofNullable(process);
    }

    /** The container's name, when {@link How#STARTED_CONTAINER}. */
    public Optional<String> container() {
        return Optional.ofNullable(container);
    }

    /** Stops {@code ollama serve} (and its runners) if Outpost started it; otherwise does nothing. */
    @Override
    public void close() {
        if (process != null) {
            process.cancel();
        }
    }

    @Override
    public String toString() {
        return how + " " + baseUri;
    }
}
