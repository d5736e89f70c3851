package dev.outpost.stack.inference.gateway;

import java.io.IOException;

/** The port the gateway was asked to listen on is taken; the message says which and what to do. */
public final class GatewayPortInUseException extends IOException {
    private final int port;

    GatewayPortInUseException(int port, Throwable cause) {
        super("The inference gateway cannot listen on 127.0.0.1:" + port + ": the port is already in use by another"
                + " program (perhaps another Outpost or an Ollama started with that port). Stop that program, choose"
                + " another port, or start the gateway on a free port chosen by the system.", cause);
        this.port = port;
    }

    public int port() {
        return port;
    }
}
