package dev.outpost.stack.inference.fake;

/**
 * What goes wrong in the next token stream (chat, generate, or chat completions), after {@code afterTokens} tokens.
 */
record StreamFault(Kind kind, int afterTokens, String message, Gate gate) {
    enum Kind {
        /** An error line (HTTP status stays 200, as Ollama does once a stream has started). */
        ERROR,
        /** The connection is cut without ending the chunked body. */
        DROP,
        /** The stream waits at a {@link Gate} until the test releases it. */
        HOLD
    }

    static String[] tokens(String reply) {
        // "The sky is" -> "The", " sky", " is": one chunk per word, the way Ollama streams tokens.
        return reply.isEmpty() ? new String[0] : reply.split("(?=\\s)");
    }
}
