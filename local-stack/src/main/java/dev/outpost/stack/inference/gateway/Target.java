package dev.outpost.stack.inference.gateway;

/** The two places the gateway can send a request: this machine's Ollama, or a remote GPU target. */
public enum Target {
    LOCAL, REMOTE;

    public Target other() {
        return this == LOCAL ? REMOTE : LOCAL;
    }
}
