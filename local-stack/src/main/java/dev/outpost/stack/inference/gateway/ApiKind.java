package dev.outpost.stack.inference.gateway;

/** The two HTTP dialects of inference servers: Ollama's native {@code /api} and the OpenAI-compatible {@code /v1}. */
public enum ApiKind {
    OLLAMA, OPENAI;

    /** The dialect a client speaks, told by its path: every OpenAI-compatible route lives under {@code /v1/}. */
    static ApiKind ofClientPath(String path) {
        return path.equals("/v1") || path.startsWith("/v1/") ? OPENAI : OLLAMA;
    }
}
