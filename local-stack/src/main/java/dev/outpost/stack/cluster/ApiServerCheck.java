package dev.outpost.stack.cluster;

import java.nio.file.Path;
import java.time.Duration;

/** Waits until the API server a kubeconfig points at answers; throws API_SERVER_UNREACHABLE otherwise. */
@FunctionalInterface
public interface ApiServerCheck {
    void awaitReady(Path kubeconfig, Duration timeout) throws InterruptedException;
}
