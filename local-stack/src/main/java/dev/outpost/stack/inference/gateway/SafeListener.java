package dev.outpost.stack.inference.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls the caller's listener so that a bug in it is logged and never breaks a stream. */
final class SafeListener implements GatewayListener {
    private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);
    private final GatewayListener delegate;

    SafeListener(GatewayListener delegate) {
        this.delegate = delegate == null ? GatewayListener.NONE : delegate;
    }

    @Override
    public void routed(RequestRouted event) {
        call(() -> delegate.routed(event));
    }

    @Override
    public void completed(RequestCompleted event) {
        call(() -> delegate.completed(event));
    }

    @Override
    public void fellBack(Fallback event) {
        call(() -> delegate.fellBack(event));
    }

    @Override
    public void failed(RequestFailed event) {
        call(() -> delegate.failed(event));
    }

    private static void call(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("gateway listener failed", e);
        }
    }
}
