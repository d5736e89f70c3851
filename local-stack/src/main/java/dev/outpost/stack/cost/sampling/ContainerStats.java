package dev.outpost.stack.cost.sampling;

import java.util.Optional;

/** Reads a container's counters from the engine. Empty when the container is gone or not running. */
public interface ContainerStats {
    Optional<ContainerReading> read(String container) throws InterruptedException;
}
