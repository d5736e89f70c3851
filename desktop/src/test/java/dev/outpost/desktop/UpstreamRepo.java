package dev.outpost.desktop;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.RefSpec;

/** A bare "platform" repository on disk and a working clone the test commits through, on branch main. */
public final class UpstreamRepo {
    public final Path bare;
    public final Path work;

    private UpstreamRepo(Path bare, Path work) {
        this.bare = bare;
        this.work = work;
    }

    public static UpstreamRepo create(Path dir) throws Exception {
        Path bare = dir.resolve("platform.git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        Path work = dir.resolve("upstream");
        Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(work.toFile()).call().close();
        return new UpstreamRepo(bare, work);
    }

    /** Writes the file and pushes it as one commit. */
    public UpstreamRepo commit(String path, String content, String message) throws Exception {
        Path f = work.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
        try (Git git = Git.open(work.toFile())) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage(message).setAuthor("Platform Team", "platform@example.com").call();
            // A clone of an empty repository starts on JGit's default branch; the platform follows main.
            if (!"main".equals(git.getRepository().getBranch())) {
                git.branchRename().setNewName("main").call();
            }
            git.push().setRefSpecs(new RefSpec("main:main")).call();
        }
        return this;
    }

    public static String profile(String name, String service) {
        return """
                apiVersion: outpost.dev/v1
                kind: Profile
                metadata:
                  name: %s
                  description: Team profile %s
                spec:
                  services:
                    - use: %s
                """.formatted(name, name, service);
    }
}
