package dev.outpost.stack.inference.gateway;

import java.io.IOException;

/** Writing to the gateway's client failed: it went away. Kept apart from upstream read failures. */
final class ClientGoneException extends IOException {
    ClientGoneException(IOException cause) {
        super("the client closed the connection", cause);
    }
}
