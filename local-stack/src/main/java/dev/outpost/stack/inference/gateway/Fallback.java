package dev.outpost.stack.inference.gateway;

/** The request could not be served by {@code from} (cause says why) and goes to {@code to} instead. */
public record Fallback(long requestId, String model, Target from, String fromRoute, Target to, String toRoute,
                       String cause) {
}
