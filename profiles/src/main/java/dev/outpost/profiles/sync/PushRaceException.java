package dev.outpost.profiles.sync;

/** Upstream kept moving while Outpost rebased and pushed; the local edits are kept for a later push. */
public class PushRaceException extends PlatformSyncException {
    public PushRaceException(String message, LastGood lastGood) {
        super(message, lastGood, null);
    }
}
