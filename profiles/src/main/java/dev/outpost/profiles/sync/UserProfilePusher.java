package dev.outpost.profiles.sync;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the user's own profiles, and nothing else: the commit is upstream's tip with only
 * {@code profiles/users/<user>/} changed. It is built in memory on top of the newest upstream commit
 * Outpost knows; when the push is turned down because upstream moved, Outpost fetches and builds it
 * again on the new tip (a rebase of the one change), a bounded number of times. The working copy is
 * not touched, so the version in use stays the validated one.
 */
final class UserProfilePusher {
    static final int MAX_ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(UserProfilePusher.class);

    private final PlatformConfig config;
    private final LocalClone clone;
    private final UserFiles userFiles;
    private final ConflictCopies copies;
    private final Fetcher fetcher;
    private final RemoteAccess remote;

    UserProfilePusher(PlatformConfig config, LocalClone clone, UserFiles userFiles, ConflictCopies copies,
            Fetcher fetcher, RemoteAccess remote) {
        this.config = config;
        this.clone = clone;
        this.userFiles = userFiles;
        this.copies = copies;
        this.fetcher = fetcher;
        this.remote = remote;
    }

    /** Which of the user's files go into the commit, which conflict, and which merely agree with upstream. */
    private record Plan(Map<String, byte[]> changes, Map<String, ObjectId> conflicts, Map<String, ObjectId> agreeing) {
    }

    PushResult push(Repository repo, LocalEdits edits, ProgressMonitor monitor, CancellationToken cancel,
            LastGood lastGood) throws IOException {
        ObjectId tip = knownTip(repo);
        if (tip == null) {
            tip = fetcher.fetch(repo, monitor, lastGood, Operation.PUSH);
        }
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            if (cancel.isCancelled()) {
                throw new SyncCancelledException("Push cancelled; your profile changes are kept on this computer.",
                        lastGood);
            }
            Plan plan = plan(repo, tip, edits);
            if (!plan.conflicts().isEmpty()) {
                for (var c : plan.conflicts().entrySet()) {
                    edits.markConflict(c.getKey(), c.getValue());
                    copies.write(repo, c.getKey(), c.getValue());
                }
                edits.save();
                return new PushResult.Conflict(describeConflicts(repo, edits));
            }
            plan.agreeing().forEach(edits::rebaseOnto);
            if (plan.changes().isEmpty()) {
                edits.save();
                return new PushResult.NothingToPush();
            }
            Map<String, ObjectId> pushed = new TreeMap<>();
            ObjectId commit = commit(repo, tip, plan.changes(), pushed);
            RemoteRefUpdate update = send(repo, commit, monitor, lastGood);
            switch (update.getStatus()) {
                case OK, UP_TO_DATE -> {
                    pushed.forEach(edits::rebaseOnto);
                    edits.save();
                    return new PushResult.Pushed(commit.name(), List.copyOf(pushed.keySet()), attempt);
                }
                case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> tip = refetch(repo, monitor, lastGood, update);
                case REJECTED_OTHER_REASON -> {
                    if (!looksLikeRace(update.getMessage())) {
                        throw turnedDown(update, lastGood);
                    }
                    tip = refetch(repo, monitor, lastGood, update);
                }
                default -> throw turnedDown(update, lastGood);
            }
        }
        throw new PushRaceException("The platform repository kept changing while Outpost pushed (" + MAX_ATTEMPTS
                + " tries); your profile changes are kept on this computer. Push again in a moment.", lastGood);
    }

    private ObjectId refetch(Repository repo, ProgressMonitor monitor, LastGood lastGood, RemoteRefUpdate update)
            throws IOException {
        LOG.info("Upstream moved while pushing ({} {}); rebasing onto its new tip", update.getStatus(),
                update.getMessage() == null ? "" : update.getMessage());
        return fetcher.fetch(repo, monitor, lastGood, Operation.PUSH);
    }

    List<ConflictedFile> describeConflicts(Repository repo, LocalEdits edits) throws IOException {
        List<ConflictedFile> files = new ArrayList<>();
        for (String path : edits.conflicts()) {
            files.add(copies.describe(repo, path, edits.conflictUpstream(path)));
        }
        return files;
    }

    private ObjectId knownTip(Repository repo) throws IOException {
        Ref tracking = repo.exactRef(clone.trackingRef());
        return tracking == null ? null : tracking.getObjectId();
    }

    private Plan plan(Repository repo, ObjectId tip, LocalEdits edits) throws IOException {
        Map<String, ObjectId> head;
        Map<String, ObjectId> upstream;
        try (RevWalk walk = new RevWalk(repo)) {
            Ref branch = repo.exactRef(clone.branchRef());
            head = userFiles.inTree(repo, branch == null ? null : walk.parseCommit(branch.getObjectId()).getTree());
            upstream = userFiles.inTree(repo, walk.parseCommit(tip).getTree());
        }
        Map<String, byte[]> local = userFiles.readLocal();
        Set<String> paths = new TreeSet<>(head.keySet());
        paths.addAll(upstream.keySet());
        paths.addAll(local.keySet());
        edits.paths().stream().filter(userFiles::contains).forEach(paths::add);
        Map<String, byte[]> changes = new TreeMap<>();
        Map<String, ObjectId> conflicts = new TreeMap<>();
        Map<String, ObjectId> agreeing = new TreeMap<>();
        for (String path : paths) {
            ObjectId theirs = upstream.get(path);
            ObjectId base = edits.base(path, head.get(path));
            switch (UserFileMerge.decide(base, UserFiles.blobId(local.get(path)), theirs, edits.inConflict(path))) {
                case SAME -> agreeing.put(path, theirs);
                case TAKE_UPSTREAM -> {
                    // Upstream's newer version stays; the next sync brings it to this computer.
                }
                case KEEP_LOCAL -> changes.put(path, local.get(path));
                case CONFLICT -> conflicts.put(path, theirs);
            }
        }
        return new Plan(changes, conflicts, agreeing);
    }

    /** @param pushed receives each changed path's new blob id, or null for a deletion */
    private ObjectId commit(Repository repo, ObjectId tip, Map<String, byte[]> changes, Map<String, ObjectId> pushed)
            throws IOException {
        try (ObjectInserter inserter = repo.newObjectInserter();
                ObjectReader reader = repo.newObjectReader();
                RevWalk walk = new RevWalk(reader)) {
            RevCommit parent = walk.parseCommit(tip);
            DirCache tree = DirCache.newInCore();
            DirCacheBuilder builder = tree.builder();
            builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, parent.getTree());
            builder.finish();
            DirCacheEditor editor = tree.editor();
            for (var change : changes.entrySet()) {
                String path = change.getKey();
                if (change.getValue() == null) {
                    editor.add(new DirCacheEditor.DeletePath(path));
                    pushed.put(path, null);
                } else {
                    ObjectId blob = inserter.insert(Constants.OBJ_BLOB, change.getValue());
                    editor.add(new DirCacheEditor.PathEdit(path) {
                        @Override
                        public void apply(DirCacheEntry entry) {
                            entry.setFileMode(FileMode.REGULAR_FILE);
                            entry.setObjectId(blob);
                        }
                    });
                    pushed.put(path, blob);
                }
            }
            editor.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree.writeTree(inserter));
            commit.setParentId(parent);
            PersonIdent who = identity(repo);
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(CommitMessages.forUserProfiles(config.user(), userFiles.dir(), parent, changes, repo));
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            Refs.force(repo, LocalClone.OUTGOING, id, "profiles of " + config.user());
            return id;
        }
    }

    private PersonIdent identity(Repository repo) {
        String email = repo.getConfig().getString("user", null, "email");
        return new PersonIdent(config.user(), email == null ? "" : email);
    }

    private RemoteRefUpdate send(Repository repo, ObjectId commit, ProgressMonitor monitor, LastGood lastGood)
            throws IOException {
        CredentialsProvider credentials = remote.credentials();
        try {
            var results = Git.wrap(repo).push()
                    .setRemote(LocalClone.REMOTE)
                    .setRefSpecs(new RefSpec(LocalClone.OUTGOING + ":" + clone.branchRef()))
                    .setCredentialsProvider(credentials)
                    .setTransportConfigCallback(remote.transport())
                    .setProgressMonitor(monitor)
                    .setTimeout(RemoteAccess.TIMEOUT_SECONDS)
                    .call();
            for (var result : results) {
                RemoteRefUpdate update = result.getRemoteUpdate(clone.branchRef());
                if (update != null) {
                    return update;
                }
            }
            throw new RemoteRepositoryException("The server did not report on the push of " + commit.name() + ".",
                    lastGood, null);
        } catch (GitAPIException | JGitInternalException e) {
            throw remote.failure(e, credentials != null, lastGood, Operation.PUSH);
        }
    }

    private static boolean looksLikeRace(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return m.contains("lock") || m.contains("fetch first") || m.contains("non-fast-forward") || m.contains("stale");
    }

    private PlatformSyncException turnedDown(RemoteRefUpdate update, LastGood lastGood) {
        String why = update.getMessage() == null ? update.getStatus().toString() : update.getMessage();
        return new RemoteRepositoryException(config.remote().host() + " turned the push down (" + why
                + "). Your profile changes are kept on this computer.", lastGood, null);
    }
}
