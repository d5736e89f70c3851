package dev.outpost.profiles.sync;

import java.io.IOException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;

/**
 * Fetches the configured branch into its remote-tracking ref, forced, so a rewritten upstream history
 * is taken like any other new tip. Only the tracking ref moves; the working tree is not touched.
 */
final class Fetcher {
    private final LocalClone clone;
    private final RemoteAccess remote;
    private final PlatformConfig config;

    Fetcher(LocalClone clone, RemoteAccess remote, PlatformConfig config) {
        this.clone = clone;
        this.remote = remote;
        this.config = config;
    }

    /** @return upstream's tip of the branch */
    ObjectId fetch(Repository repo, ProgressMonitor monitor, LastGood lastGood, Operation op) throws IOException {
        CredentialsProvider credentials = remote.credentials();
        FetchResult result;
        try {
            result = Git.wrap(repo).fetch()
                    .setRemote(LocalClone.REMOTE)
                    .setRefSpecs(new RefSpec("+" + clone.branchRef() + ":" + clone.trackingRef()))
                    .setTagOpt(TagOpt.NO_TAGS)
                    // Rejects malformed trees, including paths such as "../x" or ".git/config".
                    .setCheckFetchedObjects(true)
                    .setCredentialsProvider(credentials)
                    .setTransportConfigCallback(remote.transport())
                    .setProgressMonitor(monitor)
                    .setTimeout(RemoteAccess.TIMEOUT_SECONDS)
                    .call();
        } catch (GitAPIException | JGitInternalException e) {
            // JGit names a missing branch only in its message.
            if (String.valueOf(e.getMessage()).contains("does not have " + clone.branchRef())) {
                throw noBranch(lastGood, e);
            }
            throw remote.failure(e, credentials != null, lastGood, op);
        }
        Ref tip = result.getAdvertisedRef(clone.branchRef());
        if (tip == null || tip.getObjectId() == null) {
            throw noBranch(lastGood, null);
        }
        return tip.getObjectId();
    }

    private RemoteRepositoryException noBranch(LastGood lastGood, Exception cause) {
        return new RemoteRepositoryException("The platform repository has no branch '" + config.branch()
                + "'. Check the branch in the platform settings.", lastGood, cause);
    }
}
