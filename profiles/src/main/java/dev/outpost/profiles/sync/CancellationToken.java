package dev.outpost.profiles.sync;

/**
 * Asked between steps and, through JGit's progress monitor, during transfers. A cancelled sync
 * leaves the last good version in place: the switch to a new version is never interrupted halfway.
 */
@FunctionalInterface
public interface CancellationToken {
    CancellationToken NONE = () -> false;

    boolean isCancelled();
}
