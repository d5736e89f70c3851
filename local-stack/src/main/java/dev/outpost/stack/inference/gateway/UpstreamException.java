package dev.outpost.stack.inference.gateway;

/** A route could not answer (unreachable, refused credentials fetch, 5xx). The message is safe to show. */
final class UpstreamException extends Exception {
    UpstreamException(String message) {
        super(message, null, false, false);
    }
}
