package dev.outpost.stack.inference.gateway;

/**
 * The {@code auto} decision, supplied by whoever knows where models fit (placement logic lives elsewhere).
 * Called once per request on the request's own thread, so it must be quick and thread-safe.
 */
@FunctionalInterface
public interface Placement {
    /** @param model the request's model, or null when it names none ({@code /api/tags}, {@code /v1/models}, ...) */
    RouteChoice choose(String model);
}
