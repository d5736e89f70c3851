package dev.outpost.desktop.cli;

import dev.outpost.desktop.AppServices;
import dev.outpost.profiles.sync.Choice;
import dev.outpost.profiles.sync.ConflictedFile;
import dev.outpost.profiles.sync.PushResult;
import dev.outpost.profiles.sync.SyncListener;
import dev.outpost.profiles.sync.SyncResult;
import dev.outpost.profiles.sync.CancellationToken;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** profile sync, push and resolve: the two-way exchange with the platform repository. */
final class SyncCommands {
    private SyncCommands() {
    }

    /** Progress on stderr for people; nothing when --json asks for clean output. */
    static SyncListener progress(ProfileCommand.Base cmd) {
        if (cmd.output.json()) {
            return SyncListener.NONE;
        }
        var err = cmd.spec.commandLine().getErr();
        return new SyncListener() {
            private String last = "";

            @Override
            public void progress(String task, int done, int total) {
                String line = total > 0 ? String.format("%s %d%%", task, done * 100 / total) : task;
                if (!line.equals(last)) {
                    last = line;
                    err.println("  " + line);
                }
            }
        };
    }

    @Command(name = "sync", description = {"Fetch the platform's catalog and team profiles, validate them, and only then "
            + "use them.", "An invalid upstream version is reported and the last good one stays in use. Exits 1 then."})
    static final class Sync extends ProfileCommand.Base {
        Sync(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() {
            SyncResult r = services.platform().sync(progress(this), CancellationToken.NONE);
            Map<String, Object> json = new LinkedHashMap<>();
            int code = ExitCodes.OK;
            switch (r) {
                case SyncResult.Updated u -> {
                    json.put("result", "updated");
                    json.put("commit", u.current().shortId());
                    json.put("changes", u.changes().describe());
                    json.put("conflicts", u.conflicts().stream().map(ConflictedFile::path).toList());
                    if (!output.json()) {
                        out().println("Now using " + u.current().shortId() + " " + u.current().subject());
                        u.changes().describe().forEach(l -> out().println("  " + l));
                        printConflicts(this, u.conflicts());
                    }
                }
                case SyncResult.UpToDate u -> {
                    json.put("result", "up-to-date");
                    json.put("commit", u.current().shortId());
                    if (!output.json()) {
                        out().println("Up to date at " + u.current().shortId() + " " + u.current().subject());
                    }
                }
                case SyncResult.Rejected rej -> {
                    code = ExitCodes.FAILURE;
                    json.put("result", "rejected");
                    json.put("commit", rej.commit().shortId());
                    json.put("author", rej.commit().author());
                    json.put("problems", rej.problems());
                    rej.stillInUse().ifPresent(g -> json.put("stillInUse", g.shortId()));
                    if (!output.json()) {
                        out().println("Upstream " + rej.commit().shortId() + " (" + rej.commit().author() + ": "
                                + rej.commit().subject() + ") is invalid and was not taken:");
                        rej.problems().forEach(p -> out().println("  " + p));
                        out().println(rej.stillInUse().map(g -> "Still using " + g.shortId() + " " + g.subject())
                                .orElse("No valid version has been synced yet; the built-in catalog is in use."));
                    }
                }
            }
            if (output.json()) {
                out().println(Json.write(json));
            }
            return code;
        }
    }

    static void printConflicts(ProfileCommand.Base cmd, List<ConflictedFile> files) {
        for (ConflictedFile f : files) {
            cmd.out().println();
            cmd.out().println("Conflict in " + f.path() + ": changed here and upstream. Your version is kept.");
            cmd.out().println("--- yours");
            cmd.out().println(f.mine().orElse("(deleted here)"));
            cmd.out().println("--- upstream" + f.upstreamCopy().map(p -> " (also in " + p + ")").orElse(""));
            cmd.out().println(f.theirs().orElse("(deleted upstream)"));
            cmd.out().println("Pick one: outpost profile resolve " + f.path() + " --mine | --theirs");
        }
    }

    static int printPush(ProfileCommand.Base cmd, PushResult r) {
        Map<String, Object> json = new LinkedHashMap<>();
        int code = ExitCodes.OK;
        switch (r) {
            case PushResult.Pushed p -> {
                json.put("result", "pushed");
                json.put("commit", p.commitId());
                json.put("paths", p.paths());
                json.put("attempts", p.attempts());
                if (!cmd.output.json()) {
                    cmd.out().println("Pushed " + String.join(", ", p.paths())
                            + (p.attempts() > 1 ? " (rebased onto newer upstream changes)" : ""));
                }
            }
            case PushResult.NothingToPush n -> {
                json.put("result", "nothing-to-push");
                if (!cmd.output.json()) {
                    cmd.out().println("Nothing to push: your profiles match upstream.");
                }
            }
            case PushResult.Conflict c -> {
                code = ExitCodes.FAILURE;
                json.put("result", "conflict");
                json.put("conflicts", c.files().stream().map(f -> Map.of("path", f.path(),
                        "mine", f.mine().orElse(""), "theirs", f.theirs().orElse(""))).toList());
                if (!cmd.output.json()) {
                    printConflicts(cmd, c.files());
                }
            }
        }
        if (cmd.output.json()) {
            cmd.out().println(Json.write(json));
        }
        return code;
    }

    @Command(name = "push", description = {"Push your own profiles (profiles/users/<you>/) to the platform.",
        "A push that races another change is rebased; a real conflict keeps your edit and shows both versions."})
    static final class Push extends ProfileCommand.Base {
        Push(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() {
            return printPush(this, services.platform().push(progress(this), CancellationToken.NONE));
        }
    }

    @Command(name = "resolve", description = "Settle a conflict from push or sync by keeping your version or upstream's.")
    static final class Resolve extends ProfileCommand.Base {
        @Parameters(paramLabel = "PATH", description = "The conflicted file, e.g. profiles/users/ann/ml.yaml.")
        String path;

        @ArgGroup(multiplicity = "1")
        Pick pick;

        static final class Pick {
            @Option(names = "--mine", required = true, description = "Keep your version and push it.")
            boolean mine;

            @Option(names = "--theirs", required = true, description = "Take upstream's version; your edit is dropped.")
            boolean theirs;
        }

        Resolve(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() {
            Choice choice = pick.mine ? Choice.MINE : Choice.THEIRS;
            return printPush(this, services.platform().resolve(path, choice, progress(this), CancellationToken.NONE));
        }
    }
}
