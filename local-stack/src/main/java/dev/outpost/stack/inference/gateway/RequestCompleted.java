package dev.outpost.stack.inference.gateway;

import java.time.Duration;

/**
 * An answer is finished.
 *
 * @param complete false when the upstream stream broke and the client got an error line instead of the end
 * @param bytes    body bytes sent to the client
 */
public record RequestCompleted(long requestId, Target target, String route, int status, boolean complete, long bytes,
                               Duration duration) {
}
