package dev.outpost.profiles.sync;

/**
 * The server answered but the repository cannot be used as configured: not found, no such branch,
 * or a push turned down for a reason other than a race (a hook, missing rights).
 */
public class RemoteRepositoryException extends PlatformSyncException {
    public RemoteRepositoryException(String message, LastGood lastGood, Throwable cause) {
        super(message, lastGood, cause);
    }
}
