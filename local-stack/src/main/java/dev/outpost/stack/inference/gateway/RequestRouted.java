package dev.outpost.stack.inference.gateway;

import java.time.Duration;

/**
 * A request is being answered from {@code target}.
 *
 * @param model           the request's model, null when it names none
 * @param reason          why this target: the toggle, the placement's reason, or the fallback
 * @param fellBack        true when the first choice failed and this is the other route
 * @param timeToFirstByte from the gateway receiving the request to its first answer byte leaving
 */
public record RequestRouted(long requestId, String method, String path, String model, Target target, String route,
                            String reason, boolean fellBack, int status, Duration timeToFirstByte) {
}
