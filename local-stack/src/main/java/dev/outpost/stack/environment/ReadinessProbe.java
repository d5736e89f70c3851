package dev.outpost.stack.environment;

/** One attempt at telling whether a service is ready; {@link #waitingFor()} names what it expects, for timeouts. */
public interface ReadinessProbe {
    boolean ready() throws InterruptedException;

    String waitingFor();
}
