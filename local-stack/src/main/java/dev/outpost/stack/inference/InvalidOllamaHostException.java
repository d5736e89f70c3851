package dev.outpost.stack.inference;

/** OLLAMA_HOST names an address no HTTP client can use (spaces, stray brackets, ...). */
public final class InvalidOllamaHostException extends IllegalArgumentException {
    private final String value;

    public InvalidOllamaHostException(String value, Throwable cause) {
        super("OLLAMA_HOST=\"" + value + "\" is not a usable address: " + cause.getMessage(), cause);
        this.value = value;
    }

    public String value() {
        return value;
    }
}
