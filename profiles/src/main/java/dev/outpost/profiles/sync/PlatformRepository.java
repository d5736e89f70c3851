package dev.outpost.profiles.sync;

import dev.outpost.profiles.credentials.TokenStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;

/**
 * The local clone of the platform repository: Outpost's one way to sync the catalog and team profiles
 * and to push the user's own. The working tree of {@code cloneDir} is the version in use; it only
 * ever moves to a commit that passed the {@link TreeValidator}, and the user's files under
 * {@code profiles/users/<user>/} are edited there in place.
 *
 * <p>One operation runs at a time per instance. Failures to reach or use the server are
 * {@link PlatformSyncException}s; after any of them the last good version stays checked out.
 */
public final class PlatformRepository {
    private final PlatformConfig config;
    private final LocalClone clone;
    private final UserFiles userFiles;
    private final SyncOperation sync;
    private final UserProfilePusher pusher;
    private final ConflictResolver resolver;

    /**
     * @param config    validated here; {@link InvalidPlatformConfigException} when it cannot be used
     * @param cloneDir  where the clone lives, such as {@code <data>/platform/repo}; created on first sync
     * @param tokens    where the HTTPS token is looked up, under {@link PlatformConfig#tokenAccount()}
     * @param validator decides whether a fetched version may be used
     */
    public PlatformRepository(PlatformConfig config, Path cloneDir, TokenStore tokens, TreeValidator validator) {
        this(config, cloneDir, tokens, validator, List.of("ssh"));
    }

    PlatformRepository(PlatformConfig config, Path cloneDir, TokenStore tokens, TreeValidator validator,
            List<String> sshCommand) {
        this.config = config.validate();
        this.clone = new LocalClone(cloneDir, config);
        this.userFiles = new UserFiles(cloneDir, config.userDirectory());
        ConflictCopies copies = new ConflictCopies(userFiles);
        RemoteAccess remote = new RemoteAccess(config, tokens, sshCommand);
        Fetcher fetcher = new Fetcher(clone, remote, config);
        this.sync = new SyncOperation(fetcher, new CandidateCheck(validator),
                new WorkingCopySwitcher(clone, userFiles, copies));
        this.pusher = new UserProfilePusher(config, clone, userFiles, copies, fetcher, remote);
        this.resolver = new ConflictResolver(userFiles, copies);
    }

    public PlatformConfig config() {
        return config;
    }

    /**
     * Clones on first use, else fetches; validates upstream's tip and switches to it only if it is
     * valid. The user's local edits survive every switch, a rewritten upstream history included.
     */
    public synchronized SyncResult sync(SyncListener listener, CancellationToken cancel) {
        try (Repository repo = clone.openOrCreate()) {
            return sync.run(repo, listener, cancel);
        } catch (IOException e) {
            throw local(e);
        }
    }

    /**
     * Commits the user's new, changed and deleted files under {@code profiles/users/<user>/} and pushes
     * them, rebasing onto upstream when it moved meanwhile. Files changed both here and upstream are
     * reported as a {@link PushResult.Conflict}, and nothing is pushed until each is resolved.
     */
    public synchronized PushResult push(SyncListener listener, CancellationToken cancel) {
        try (Repository repo = clone.openOrCreate()) {
            LastGood lastGood = LastGoodRef.describe(repo).orElse(null);
            return pusher.push(repo, LocalEdits.load(LocalClone.stateDir(repo)), new ProgressAdapter(listener, cancel),
                    cancel, lastGood);
        } catch (IOException e) {
            throw local(e);
        }
    }

    /**
     * Settles one conflict with the user's choice, then, once no conflict is left, pushes.
     *
     * @param path as in {@link ConflictedFile#path()}
     * @throws IllegalArgumentException when that file is not in conflict
     */
    public synchronized PushResult resolve(String path, Choice choice, SyncListener listener, CancellationToken cancel) {
        try (Repository repo = clone.openOrCreate()) {
            LocalEdits edits = LocalEdits.load(LocalClone.stateDir(repo));
            resolver.resolve(repo, edits, path, choice);
            if (!edits.conflicts().isEmpty()) {
                return new PushResult.Conflict(pusher.describeConflicts(repo, edits));
            }
            return pusher.push(repo, edits, new ProgressAdapter(listener, cancel), cancel,
                    LastGoodRef.describe(repo).orElse(null));
        } catch (IOException e) {
            throw local(e);
        }
    }

    /** The user's profiles that wait for a choice. */
    public synchronized List<ConflictedFile> conflicts() {
        try {
            Optional<Repository> existing = clone.openExisting();
            if (existing.isEmpty()) {
                return List.of();
            }
            try (Repository repo = existing.get()) {
                return pusher.describeConflicts(repo, LocalEdits.load(LocalClone.stateDir(repo)));
            }
        } catch (IOException e) {
            throw local(e);
        }
    }

    /** The version in use, which works offline; empty before the first successful sync. */
    public synchronized Optional<LastGood> lastGood() {
        try {
            Optional<Repository> existing = clone.openExisting();
            if (existing.isEmpty()) {
                return Optional.empty();
            }
            try (Repository repo = existing.get()) {
                return LastGoodRef.describe(repo);
            }
        } catch (IOException e) {
            throw local(e);
        }
    }

    /** The directory holding the version in use; empty before the first successful sync. */
    public Optional<Path> currentTree() {
        return lastGood().map(g -> clone.workTree());
    }

    /** Where the user's own profiles are saved to be pushed: {@code <clone>/profiles/users/<user>/}. */
    public Path userProfiles() {
        return clone.workTree().resolve(config.userDirectory());
    }

    private LocalCloneException local(IOException e) {
        LastGood lastGood = null;
        try {
            Optional<Repository> existing = clone.openExisting();
            if (existing.isPresent()) {
                try (Repository repo = existing.get()) {
                    lastGood = LastGoodRef.describe(repo).orElse(null);
                }
            }
        } catch (IOException ignored) {
            // The clone itself is what failed; the message below says so.
        }
        return new LocalCloneException("The local copy of the platform repository in " + clone.workTree()
                + " could not be updated: " + e.getMessage(), lastGood, e);
    }
}
