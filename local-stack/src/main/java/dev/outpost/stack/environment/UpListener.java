package dev.outpost.stack.environment;

/** Hears each service's progress through an `up`. Called from worker threads. */
@FunctionalInterface
public interface UpListener {
    UpListener NONE = (service, step, detail) -> { };

    enum Step { UNCHANGED, PULLING, CREATING, STARTING, WAITING, READY, REMOVED, FAILED, ROLLING_BACK }

    void step(String service, Step step, String detail);
}
