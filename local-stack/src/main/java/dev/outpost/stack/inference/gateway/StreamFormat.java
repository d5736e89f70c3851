package dev.outpost.stack.inference.gateway;

/** How a streamed answer is framed, which decides how an error is appended when the upstream breaks. */
enum StreamFormat {
    /** Ollama: one JSON object per line. */
    NDJSON,
    /** OpenAI-compatible: {@code data: <json>} events separated by blank lines. */
    SSE;

    /** From a response's Content-Type; null for a body that is not a stream (plain JSON, text). */
    static StreamFormat of(String contentType) {
        if (contentType == null) {
            return null;
        }
        String ct = contentType.toLowerCase(java.util.Locale.ROOT);
        if (ct.startsWith("text/event-stream")) {
            return SSE;
        }
        if (ct.startsWith("application/x-ndjson") || ct.startsWith("application/jsonl")) {
            return NDJSON;
        }
        return null;
    }
}
