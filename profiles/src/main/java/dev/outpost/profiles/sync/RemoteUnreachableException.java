package dev.outpost.profiles.sync;

/** The server could not be reached (offline, unknown host, connection refused, timeout). */
public class RemoteUnreachableException extends PlatformSyncException {
    public RemoteUnreachableException(String message, LastGood lastGood, Throwable cause) {
        super(message, lastGood, cause);
    }
}
