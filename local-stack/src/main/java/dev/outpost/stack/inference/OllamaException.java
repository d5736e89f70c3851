package dev.outpost.stack.inference;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Anything that went wrong talking to an Ollama server, sorted into what a person or a caller can act on.
 * Messages are written for people and never carry the bearer token: they are built from the address and
 * the server's own error text, which {@link OllamaClient} scrubs before it gets here.
 */
public final class OllamaException extends RuntimeException {
    /** What kind of failure, so callers can branch without parsing messages. */
    public enum Kind {
        /** The model is not on the server (404 "model 'x' not found", or a pull of a name the registry lacks). */
        MODEL_NOT_FOUND,
        /** The server could not load the model into memory (RAM or VRAM). */
        OUT_OF_MEMORY,
        /** Nothing answered at the address: connection refused, unknown host, or a timeout. */
        UNREACHABLE,
        /** The server (or the proxy in front of it) refused the credentials: HTTP 401 or 403. */
        UNAUTHORIZED,
        /** A stream that had started ended badly: an {@code error} line, or the connection dropped. */
        STREAM_ERROR,
        /** The server's TLS certificate is not trusted by this client. */
        TLS_UNTRUSTED,
        /** Anything else; {@link #httpStatus()} says what the server answered, when it answered. */
        OTHER
    }

    private final Kind kind;
    private final int httpStatus;
    private final String serverMessage;

    public OllamaException(Kind kind, String message, int httpStatus, String serverMessage, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.httpStatus = httpStatus;
        this.serverMessage = serverMessage;
    }

    public OllamaException(Kind kind, String message, Throwable cause) {
        this(kind, message, -1, null, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status the server answered with; empty when there was no answer or the failure came mid-stream. */
    public OptionalInt httpStatus() {
        return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** The server's {@code error} text, if it sent one; null otherwise. */
    public String serverMessage() {
        return serverMessage;
    }
}
