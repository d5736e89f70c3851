package dev.outpost.profiles.sync;

/** The user cancelled; nothing was switched or pushed. */
public class SyncCancelledException extends PlatformSyncException {
    public SyncCancelledException(String message, LastGood lastGood) {
        super(message, lastGood, null);
    }
}
