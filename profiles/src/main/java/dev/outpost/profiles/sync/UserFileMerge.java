package dev.outpost.profiles.sync;

import java.util.Objects;
import org.eclipse.jgit.lib.ObjectId;

/**
 * A three-way decision for one of the user's files, at whole-file granularity: the version the local
 * edit started from (base), the local file, and upstream's. A null id means "no such file".
 */
final class UserFileMerge {
    enum Outcome {
        /** Local and upstream agree. */
        SAME,
        /** Only upstream changed: take its version. */
        TAKE_UPSTREAM,
        /** Only the local file changed: keep it (and push it). */
        KEEP_LOCAL,
        /** Both changed, differently: the user must choose. */
        CONFLICT
    }

    private UserFileMerge() {
    }

    static Outcome decide(ObjectId base, ObjectId local, ObjectId upstream, boolean alreadyInConflict) {
        if (Objects.equals(local, upstream)) {
            return Outcome.SAME;
        }
        if (alreadyInConflict) {
            return Outcome.CONFLICT;
        }
        if (Objects.equals(local, base)) {
            return Outcome.TAKE_UPSTREAM;
        }
        if (Objects.equals(upstream, base)) {
            return Outcome.KEEP_LOCAL;
        }
        return Outcome.CONFLICT;
    }
}
