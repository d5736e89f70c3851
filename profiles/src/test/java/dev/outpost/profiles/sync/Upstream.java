package dev.outpost.profiles.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The platform team's side: a bare repository on disk, and a seed clone the "platform team" commits
 * and pushes from with plain JGit, as they would with git.
 */
final class Upstream implements AutoCloseable {
    static final PersonIdent PLATFORM_TEAM = new PersonIdent("Pat Platform", "pat@example.com");

    private final Path bare;
    private final Git bareGit;
    private final Git seed;

    private Upstream(Path bare, Git bareGit, Git seed) {
        this.bare = bare;
        this.bareGit = bareGit;
        this.seed = seed;
    }

    static Upstream create(Path root) throws GitAPIException, IOException {
        Path bare = root.resolve("upstream.git");
        Git bareGit = Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call();
        Git seed = Git.init().setDirectory(root.resolve("seed").toFile()).setInitialBranch("main").call();
        seed.remoteAdd().setName("origin").setUri(new URIish(bare.toUri().toURL())).call();
        return new Upstream(bare, bareGit, seed);
    }

    Path bareDir() {
        return bare;
    }

    Repository bareRepository() {
        return bareGit.getRepository();
    }

    /** Files as path to content; a null content deletes the file. */
    static Map<String, String> files(String... pathsAndContents) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            files.put(pathsAndContents[i], pathsAndContents[i + 1]);
        }
        return files;
    }

    RevCommit commit(String message, Map<String, String> files) throws Exception {
        RevCommit c = write(message, files);
        seed.push().setRemote("origin").setRefSpecs(new RefSpec("main:main")).call();
        return c;
    }

    /** Rewrites history: drops the tip commit and pushes a different one in its place, forced. */
    RevCommit rewriteTip(String message, Map<String, String> files) throws Exception {
        seed.reset().setMode(ResetCommand.ResetType.HARD).setRef("HEAD~1").call();
        RevCommit c = write(message, files);
        seed.push().setRemote("origin").setRefSpecs(new RefSpec("+main:main")).call();
        return c;
    }

    /** Brings the seed clone up to date with what others pushed. */
    void pull() throws Exception {
        seed.fetch().setRemote("origin").setRefSpecs(new RefSpec("+refs/heads/main:refs/remotes/origin/main")).call();
        seed.reset().setMode(ResetCommand.ResetType.HARD).setRef("refs/remotes/origin/main").call();
    }

    /** A file's content at the tip of upstream's main, or null when it has none. */
    String read(String path) throws IOException {
        Repository repo = bareGit.getRepository();
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit tip = walk.parseCommit(repo.resolve("refs/heads/main"));
            try (TreeWalk tw = TreeWalk.forPath(repo, path, tip.getTree())) {
                return tw == null ? null : new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    RevCommit tip() throws IOException {
        return parse(bareGit.getRepository().resolve("refs/heads/main"));
    }

    RevCommit parse(AnyObjectId id) throws IOException {
        try (RevWalk walk = new RevWalk(bareGit.getRepository())) {
            return walk.parseCommit(id);
        }
    }

    private RevCommit write(String message, Map<String, String> files) throws Exception {
        Path work = seed.getRepository().getWorkTree().toPath();
        for (var f : files.entrySet()) {
            Path p = work.resolve(f.getKey());
            if (f.getValue() == null) {
                seed.rm().addFilepattern(f.getKey()).call();
            } else {
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue());
                seed.add().addFilepattern(f.getKey()).call();
            }
        }
        return seed.commit().setMessage(message).setAuthor(PLATFORM_TEAM).setCommitter(PLATFORM_TEAM).call();
    }

    @Override
    public void close() {
        seed.close();
        bareGit.close();
    }
}
