package dev.outpost.profiles.sync;

import java.io.IOException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/** Moves local refs and fails loudly when Git did not. */
final class Refs {
    private Refs() {
    }

    static void force(Repository repo, String name, ObjectId id, String why) throws IOException {
        RefUpdate u = repo.updateRef(name);
        u.setNewObjectId(id);
        u.setForceUpdate(true);
        u.setRefLogMessage("outpost: " + why, false);
        check(u.update(), name);
    }

    static void check(RefUpdate.Result result, String name) throws IOException {
        switch (result) {
            case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> {
            }
            default -> throw new IOException("Could not update " + name + " (" + result + ")");
        }
    }
}
