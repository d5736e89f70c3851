package dev.outpost.stack.inference;

import dev.outpost.stack.inference.PullResume.Reason;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One model pull with its retries. Each attempt is a {@code POST /api/pull} stream watched by a
 * {@link StallWatchdog}; a stall or a dropped connection re-issues the request, which Ollama answers by resuming
 * the partial layers it already has. An error line from the server is not retried: Ollama has already retried
 * its registry downloads by then, and a wrong name will not get better.
 */
final class ModelPull {
    private static final String VERIFYING = "verifying";

    private final OllamaTransport transport;
    private final String model;
    private final PullListener listener;
    private final PullOptions options;
    private final ModelPullAggregator aggregator;
    private volatile NdjsonCall current;
    private volatile boolean cancelled;
    private volatile boolean stalled;

    ModelPull(OllamaTransport transport, String model, PullListener listener, PullOptions options) {
        this.transport = transport;
        this.model = model;
        this.listener = listener;
        this.options = options;
        this.aggregator = new ModelPullAggregator(model, options.clock());
    }

    PullHandle start() {
        CompletableFuture<ModelPullProgress> result = new CompletableFuture<>();
        Thread.ofVirtual().name("ollama-pull " + model).start(() -> {
            try {
                result.complete(run());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return new PullHandle(result, this::cancel);
    }

    void cancel() {
        cancelled = true;
        NdjsonCall c = current;
        if (c != null) {
            c.abort();
        }
    }

    private ModelPullProgress run() throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Retry retry = attempt();
            if (retry == null) {
                return aggregator.snapshot();
            }
            if (attempt >= options.maxAttempts()) {
                throw new OllamaException(OllamaException.Kind.STREAM_ERROR, "Pulling " + model + " from "
                        + transport.address() + " gave up after " + attempt + " attempts: " + retry.detail, null);
            }
            PullResume resume = new PullResume(attempt + 1, options.maxAttempts(), retry.reason, retry.detail);
            listener.onResume(resume);
            listener.onProgress(aggregator.resumed(attempt + 1, (retry.reason == Reason.STALLED ? "stalled" : "dropped")
                    + ", resuming (attempt " + (attempt + 1) + " of " + options.maxAttempts() + ")"));
        }
    }

    private record Retry(Reason reason, String detail) {
    }

    /** One request; null when it ended in success, else why to try again. */
    private Retry attempt() throws InterruptedException {
        ObjectNode body = OllamaTransport.JSON.createObjectNode().put("model", model).put("stream", true);
        NdjsonCall call = transport.stream("/api/pull", body);
        current = call;
        stalled = false;
        if (cancelled) {
            throw cancelledException();
        }
        try (StallWatchdog dog = StallWatchdog.start(options.stallTimeout(), () -> {
            stalled = true;
            call.abort();
        })) {
            call.open();
            dog.touch();
            boolean[] verifying = {false};
            call.lines(line -> {
                dog.touch();
                String status = OllamaJson.text(line, "status");
                boolean nowVerifying = status.startsWith(VERIFYING);
                if (nowVerifying != verifying[0]) {
                    verifying[0] = nowVerifying;
                    dog.timeout(nowVerifying ? options.verifyingStallTimeout() : options.stallTimeout());
                }
                listener.onProgress(accept(line, status));
                return !aggregator.finished();
            });
            if (aggregator.finished()) {
                return null;
            }
            return new Retry(Reason.DROPPED, "the server ended the stream before \"success\"");
        } catch (NdjsonCall.Aborted a) {
            if (cancelled || !stalled) {
                // Not our watchdog: the pull was cancelled, or the client closed under it.
                throw cancelledException();
            }
            return new Retry(Reason.STALLED, "no progress for " + seconds(options.stallTimeout()));
        } catch (OllamaException e) {
            if (cancelled) {
                throw cancelledException();
            }
            if (e.kind() == OllamaException.Kind.STREAM_ERROR && e.getCause() instanceof IOException) {
                return new Retry(Reason.DROPPED, e.getCause().getMessage() == null
                        ? e.getCause().getClass().getSimpleName() : e.getCause().getMessage());
            }
            throw e;
        } finally {
            call.close();
        }
    }

    private ModelPullProgress accept(JsonNode line, String status) {
        return aggregator.accept(status, OllamaJson.text(line, "digest"), OllamaJson.number(line, "total"),
                OllamaJson.number(line, "completed"));
    }

    private CancellationException cancelledException() {
        return new CancellationException("pull of " + model + " cancelled");
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
