package dev.outpost.stack.inference;

/** No local Ollama server could be found or started. */
public final class LocalOllamaException extends RuntimeException {

    public enum Reason {
        /** OLLAMA_HOST names another machine, which does not answer; Outpost starts servers only here. */
        NOT_LOCAL,
        /** Nothing answers, ollama is not installed, and there is no container engine to run it in. */
        NOTHING_TO_START,
        /** A server was started but exited before it answered. */
        EXITED,
        /** A server was started but did not answer in time; it was stopped again. */
        DID_NOT_ANSWER
    }

    private final Reason reason;
    private final String advice;

    public LocalOllamaException(Reason reason, String message, String advice, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.advice = advice;
    }

    public Reason reason() {
        return reason;
    }

    public String advice() {
        return advice;
    }
}
