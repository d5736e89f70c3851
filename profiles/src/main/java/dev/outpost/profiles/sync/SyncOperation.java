package dev.outpost.profiles.sync;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fetch, validate, and only then switch: one sync, start to end. */
final class SyncOperation {
    private static final Logger LOG = LoggerFactory.getLogger(SyncOperation.class);

    private final Fetcher fetcher;
    private final CandidateCheck check;
    private final WorkingCopySwitcher switcher;

    SyncOperation(Fetcher fetcher, CandidateCheck check, WorkingCopySwitcher switcher) {
        this.fetcher = fetcher;
        this.check = check;
        this.switcher = switcher;
    }

    SyncResult run(Repository repo, SyncListener listener, CancellationToken cancel) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            Optional<RevCommit> previous = LastGoodRef.read(repo, walk);
            LastGood inUse = previous.map(LastGoodRef::describe).orElse(null);
            stopIfCancelled(cancel, inUse);
            ObjectId tip = fetcher.fetch(repo, new ProgressAdapter(listener, cancel), inUse, Operation.SYNC);
            stopIfCancelled(cancel, inUse);
            if (previous.isPresent() && previous.get().equals(tip)) {
                return new SyncResult.UpToDate(inUse);
            }
            RevCommit candidate = walk.parseCommit(tip);
            listener.progress("Validating " + candidate.abbreviate(7).name(), 0, SyncListener.UNKNOWN);
            List<String> problems = check.problems(repo, candidate);
            if (!problems.isEmpty()) {
                LOG.warn("Upstream commit {} failed validation ({} problems); staying on {}",
                        candidate.abbreviate(7).name(), problems.size(), inUse == null ? "nothing" : inUse.shortId());
                return new SyncResult.Rejected(rejected(candidate), problems, previous.map(LastGoodRef::describe));
            }
            stopIfCancelled(cancel, inUse);
            listener.progress("Switching to " + candidate.abbreviate(7).name(), 0, SyncListener.UNKNOWN);
            List<ConflictedFile> conflicts = switcher.switchTo(repo, candidate, LocalEdits.load(LocalClone.stateDir(repo)));
            LastGoodRef.set(repo, candidate);
            ChangeSummary changes = ChangeSummarizer.summarize(repo, previous.orElse(null), candidate);
            LOG.info("Platform repository switched to {}: {}", candidate.abbreviate(7).name(), changes.describe());
            return new SyncResult.Updated(LastGoodRef.describe(candidate), changes, conflicts);
        }
    }

    private static RejectedCommit rejected(RevCommit c) {
        var author = c.getAuthorIdent();
        return new RejectedCommit(c.name(), c.abbreviate(7).name(), author.getName() + " <" + author.getEmailAddress()
                + ">", c.getShortMessage(), c.getCommitterIdent().getWhenAsInstant());
    }

    private static void stopIfCancelled(CancellationToken cancel, LastGood inUse) {
        if (cancel.isCancelled()) {
            throw new SyncCancelledException("Sync cancelled; the version in use did not change.", inUse);
        }
    }
}
