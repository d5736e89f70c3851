package dev.outpost.stack.inference;

import java.util.List;

/**
 * The answer of {@code POST /api/embed}: one vector per input, in input order (Ollama returns float32 values).
 * The arrays are the caller's to keep; records compare them by identity.
 */
public record Embeddings(String model, List<float[]> vectors, long promptEvalCount) {
    public Embeddings {
        vectors = List.copyOf(vectors);
    }
}
