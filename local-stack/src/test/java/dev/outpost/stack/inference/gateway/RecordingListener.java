package dev.outpost.stack.inference.gateway;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Keeps every event; tests wait for one with a timeout (the event may be sent just after the body ends). */
final class RecordingListener implements GatewayListener {
    final BlockingQueue<RequestRouted> routed = new LinkedBlockingQueue<>();
    final BlockingQueue<RequestCompleted> completed = new LinkedBlockingQueue<>();
    final BlockingQueue<Fallback> fallbacks = new LinkedBlockingQueue<>();
    final BlockingQueue<RequestFailed> failures = new LinkedBlockingQueue<>();

    @Override
    public void routed(RequestRouted event) {
        routed.add(event);
    }

    @Override
    public void completed(RequestCompleted event) {
        completed.add(event);
    }

    @Override
    public void fellBack(Fallback event) {
        fallbacks.add(event);
    }

    @Override
    public void failed(RequestFailed event) {
        failures.add(event);
    }

    static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
        T t = queue.poll(10, TimeUnit.SECONDS);
        if (t == null) {
            throw new AssertionError("no event within 10 s");
        }
        return t;
    }
}
