package dev.outpost.stack.inference.gateway;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Headers that authenticate the gateway to one upstream. Asked for on every request, so a supplier of
 * short-lived tokens (a gcloud ID token lasts an hour) can refresh them without rebuilding the route.
 *
 * <p>The values are secrets: the gateway never logs them, never copies them into a response, and scrubs
 * them from any upstream error text it passes on.
 */
@FunctionalInterface
public interface AuthHeaders {
    AuthHeaders NONE = Map::of;

    /** @throws IOException when the credentials cannot be had (the request then fails, or falls back) */
    Map<String, String> headers() throws IOException;

    /** {@code Authorization: Bearer <token>}, the token asked for per request (vLLM --api-key, IAP ID tokens). */
    static AuthHeaders bearer(Supplier<String> token) {
        Objects.requireNonNull(token, "token");
        return () -> Map.of("Authorization", "Bearer " + token.get());
    }
}
