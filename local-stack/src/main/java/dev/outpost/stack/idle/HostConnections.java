package dev.outpost.stack.idle;

import java.util.List;
import java.util.OptionalInt;

/** Connections to ports on this machine's loopback, for what Outpost itself publishes (a cluster's forwards). */
@FunctionalInterface
public interface HostConnections {
    /** Established connections whose local end is one of {@code ports}; empty where the OS cannot be asked. */
    OptionalInt established(List<Integer> ports) throws InterruptedException;
}
