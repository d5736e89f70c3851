package dev.outpost.profiles.sync;

/** The server's TLS certificate could not be verified. Outpost never turns verification off. */
public class UntrustedServerException extends PlatformSyncException {
    public UntrustedServerException(String message, LastGood lastGood, Throwable cause) {
        super(message, lastGood, cause);
    }
}
