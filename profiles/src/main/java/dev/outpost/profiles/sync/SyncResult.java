package dev.outpost.profiles.sync;

import java.util.List;
import java.util.Optional;

/** How a sync ended when the server answered. Failures to reach it are {@link PlatformSyncException}s. */
public sealed interface SyncResult {

    /**
     * A new upstream version was validated and is now in use.
     *
     * @param conflicts the user's profiles that were changed both here and upstream since the last sync;
     *                  the local edits are kept until resolved
     */
    record Updated(LastGood current, ChangeSummary changes, List<ConflictedFile> conflicts) implements SyncResult {
        public Updated {
            conflicts = List.copyOf(conflicts);
        }
    }

    /** Upstream has nothing newer than the version in use. */
    record UpToDate(LastGood current) implements SyncResult {
    }

    /**
     * Upstream's newest commit failed validation. Nothing was switched.
     *
     * @param stillInUse the last good version, still checked out; empty when there has never been one
     */
    record Rejected(RejectedCommit commit, List<String> problems, Optional<LastGood> stillInUse) implements SyncResult {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }
}
