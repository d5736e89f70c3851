package dev.outpost.stack.inference;

import java.time.Duration;

/**
 * How a streamed answer went.
 *
 * @param timeToFirstToken          from sending the request to the first chunk with text, measured here: it
 *                                  includes loading the model and the network. Zero when no text came
 * @param tokensPerSecond           the server's {@code eval_count / eval_duration} when it sent both, else
 *                                  measured here from chunk arrival (one chunk is one token in Ollama's stream)
 * @param tokensPerSecondFromServer whether {@code tokensPerSecond} came from the server's counters
 * @param promptEvalCount           prompt tokens; 0 when the server did not say (e.g. a cached prompt)
 * @param evalCount                 generated tokens as the server counted them, else the chunks counted here
 * @param doneReason                {@code stop}, {@code length}, ...; empty if the server did not say
 */
public record GenerationStats(Duration timeToFirstToken, double tokensPerSecond, boolean tokensPerSecondFromServer,
                              long promptEvalCount, long evalCount, Duration promptEvalDuration,
                              Duration evalDuration, Duration loadDuration, Duration totalDuration, String doneReason) {
}
