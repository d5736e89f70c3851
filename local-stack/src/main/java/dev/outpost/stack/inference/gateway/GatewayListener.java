package dev.outpost.stack.inference.gateway;

/**
 * What the gateway tells the UI and status bar. Called on the request's thread, so an implementation must
 * return quickly (hand off to the UI thread); an exception thrown here is logged and never breaks a stream.
 */
public interface GatewayListener {
    GatewayListener NONE = new GatewayListener() {
    };

    /** The first byte of the answer went to the client; says where the request went and how long that took. */
    default void routed(RequestRouted event) {
    }

    /** The answer is finished (completely, or with an error line after a stream broke). */
    default void completed(RequestCompleted event) {
    }

    /** The chosen target failed before answering and the request went to the other one. */
    default void fellBack(Fallback event) {
    }

    /** The client got an error made by the gateway: a 502, or an error line after the stream broke. */
    default void failed(RequestFailed event) {
    }
}
