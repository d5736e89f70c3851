package dev.outpost.stack.cost;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A live grid-intensity lookup that failed, sorted by what the user can do about it. Messages never contain
 * the API key: {@link ElectricityMapsClient} builds them from the zone, the status and the server's error text
 * with the key masked.
 */
public final class ElectricityMapsException extends RuntimeException {
    public enum Reason {
        /** The key was missing, wrong, or not allowed this zone (HTTP 401 or 403). */
        UNAUTHORIZED,
        /** The API does not know the zone, or the zone key is malformed (HTTP 400 or 404). */
        UNKNOWN_ZONE,
        /** Too many requests for the plan (HTTP 429). */
        RATE_LIMITED,
        /** Nothing usable came back: no connection, a timeout, a 5xx, or no current figure for the zone. */
        UNAVAILABLE,
        /** A 200 whose body is not the documented JSON. */
        BAD_RESPONSE
    }

    private final Reason reason;
    private final int httpStatus;

    ElectricityMapsException(Reason reason, String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.httpStatus = httpStatus;
    }

    public Reason reason() {
        return reason;
    }

    /** The status the API answered with; empty when it did not answer. */
    public OptionalInt httpStatus() {
        return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }
}
