package dev.outpost.stack.inference;

import java.time.Duration;
import java.util.function.LongSupplier;
import tools.jackson.databind.JsonNode;

/**
 * Times one streamed answer as it arrives, and combines that with the server's counters on the last line. The
 * server's figures are preferred (they exclude network and queueing); the measured ones cover servers and
 * proxies that leave the counters out.
 */
final class StreamTimer {
    private final LongSupplier nanoTime;
    private final long startedAt;
    private long firstAt = -1;
    private long lastAt = -1;
    private long chunks;

    StreamTimer(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.startedAt = nanoTime.getAsLong();
    }

    /** A chunk arrived; only chunks carrying text count as tokens. */
    void chunk(boolean hasText) {
        if (!hasText) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (firstAt < 0) {
            firstAt = now;
        }
        lastAt = now;
        chunks++;
    }

    GenerationStats stats(JsonNode last) {
        Duration ttft = firstAt < 0 ? Duration.ZERO : Duration.ofNanos(firstAt - startedAt);
        long evalCount = OllamaJson.number(last, "eval_count");
        Duration evalDuration = OllamaJson.nanos(last, "eval_duration");
        boolean fromServer = evalCount > 0 && !evalDuration.isZero();
        double tps;
        if (fromServer) {
            tps = evalCount * 1e9 / evalDuration.toNanos();
        } else {
            // The first token's arrival is the start of generation: n tokens span n-1 gaps.
            long span = lastAt - firstAt;
            tps = chunks >= 2 && span > 0 ? (chunks - 1) * 1e9 / span : 0;
            evalCount = chunks;
        }
        return new GenerationStats(ttft, tps, fromServer, OllamaJson.number(last, "prompt_eval_count"), evalCount,
                OllamaJson.nanos(last, "prompt_eval_duration"), evalDuration, OllamaJson.nanos(last, "load_duration"),
                OllamaJson.nanos(last, "total_duration"), OllamaJson.text(last, "done_reason"));
    }
}
