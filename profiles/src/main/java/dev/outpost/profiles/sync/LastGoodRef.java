package dev.outpost.profiles.sync;

import java.io.IOException;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/** {@value LocalClone#LAST_GOOD}: the newest commit that passed validation and is checked out. */
final class LastGoodRef {
    private LastGoodRef() {
    }

    static Optional<RevCommit> read(Repository repo, RevWalk walk) throws IOException {
        Ref ref = repo.exactRef(LocalClone.LAST_GOOD);
        return ref == null || ref.getObjectId() == null ? Optional.empty() : Optional.of(walk.parseCommit(ref.getObjectId()));
    }

    static Optional<LastGood> describe(Repository repo) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            return read(repo, walk).map(LastGoodRef::describe);
        }
    }

    static LastGood describe(RevCommit c) {
        return new LastGood(c.name(), c.abbreviate(7).name(), c.getCommitterIdent().getWhenAsInstant(),
                c.getShortMessage());
    }

    static void set(Repository repo, ObjectId commit) throws IOException {
        Refs.force(repo, LocalClone.LAST_GOOD, commit, "validated");
    }
}
