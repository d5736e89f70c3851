package dev.outpost.profiles.sync;

import java.util.List;

/** How pushing the user's own profiles ended. Failures to reach the server are {@link PlatformSyncException}s. */
public sealed interface PushResult {

    /**
     * The user's changes landed upstream.
     *
     * @param paths    the files added, changed or removed, relative to the repository root
     * @param attempts 1, or more when upstream moved and the change was rebased onto it
     */
    record Pushed(String commitId, List<String> paths, int attempts) implements PushResult {
        public Pushed {
            paths = List.copyOf(paths);
        }
    }

    /** The user's profiles are the same here and upstream. */
    record NothingToPush() implements PushResult {
    }

    /** Nothing was pushed: these files changed both here and upstream, and the user must pick. */
    record Conflict(List<ConflictedFile> files) implements PushResult {
        public Conflict {
            files = List.copyOf(files);
        }
    }
}
