package dev.outpost.profiles.sync;

/** The local clone could not be read or written (disk full, permissions, a damaged repository). */
public class LocalCloneException extends PlatformSyncException {
    public LocalCloneException(String message, LastGood lastGood, Throwable cause) {
        super(message, lastGood, cause);
    }
}
