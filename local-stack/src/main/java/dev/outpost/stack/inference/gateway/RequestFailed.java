package dev.outpost.stack.inference.gateway;

/**
 * The client got an error made by the gateway.
 *
 * @param target    the last target tried, null when none could be chosen
 * @param midStream true when the answer had started and ended with an error line; false for a 502 before it
 * @param message   the text the client got (credentials scrubbed)
 */
public record RequestFailed(long requestId, String method, String path, String model, Target target, String route,
                            boolean midStream, String message) {
}
