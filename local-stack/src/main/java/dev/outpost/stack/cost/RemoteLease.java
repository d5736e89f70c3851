package dev.outpost.stack.cost;

import dev.outpost.stack.inference.gateway.GatewayListener;
import dev.outpost.stack.inference.gateway.RequestRouted;
import dev.outpost.stack.inference.gateway.Target;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The remote GPU is paid for from the first request the gateway sends it until the lease is released: after
 * {@code releaseRemoteAfter} without a request, as a GKE node pool scales down. The next request takes a new
 * lease. Requests are seen as the gateway routes them, so apps that call the gateway keep their one endpoint.
 */
public final class RemoteLease implements GatewayListener {
    private final Clock clock;
    private final Supplier<Optional<String>> remoteTarget;
    private String target;
    private Instant heldSince;
    private Instant lastRequest;

    /** @param remoteTarget the inference target the gateway's remote route goes to now */
    public RemoteLease(Clock clock, Supplier<Optional<String>> remoteTarget) {
        this.clock = clock;
        this.remoteTarget = remoteTarget;
    }

    @Override
    public void routed(RequestRouted event) {
        if (event.target() == Target.REMOTE) {
            remoteTarget.get().ifPresent(this::touched);
        }
    }

    /** A request went to {@code targetName}: hold (or take) its lease. */
    public synchronized void touched(String targetName) {
        Instant now = clock.instant();
        if (heldSince == null || !targetName.equals(target)) {
            heldSince = now;
        }
        target = targetName;
        lastRequest = now;
    }

    public synchronized Optional<Held> held() {
        return heldSince == null ? Optional.empty() : Optional.of(new Held(target, heldSince, lastRequest));
    }

    /** Releases the lease if it is still the one described by {@code held} (no request came in between). */
    public synchronized boolean release(Held held) {
        if (heldSince == null || !held.lastRequest().equals(lastRequest)) {
            return false;
        }
        heldSince = null;
        lastRequest = null;
        target = null;
        return true;
    }

    public record Held(String target, Instant since, Instant lastRequest) {
    }
}
