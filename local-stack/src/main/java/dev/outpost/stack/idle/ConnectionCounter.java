package dev.outpost.stack.idle;

import java.util.OptionalInt;

/** How many clients are connected to a container's services right now; empty when it cannot be told. */
public interface ConnectionCounter {
    OptionalInt clientConnections(String container) throws InterruptedException;
}
