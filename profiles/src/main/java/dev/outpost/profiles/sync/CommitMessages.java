package dev.outpost.profiles.sync;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Commit messages that say whose profiles changed and how, readable in any Git history view. */
final class CommitMessages {
    private static final int SUBJECT_MAX = 72;

    private CommitMessages() {
    }

    /** @param changes path to new content, null for a deletion */
    static String forUserProfiles(String user, String userDir, RevCommit parent, Map<String, byte[]> changes,
            Repository repo) throws IOException {
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (var c : changes.entrySet()) {
            String name = c.getKey().substring(userDir.length());
            if (c.getValue() == null) {
                removed.add(name);
            } else {
                try (TreeWalk existing = TreeWalk.forPath(repo, c.getKey(), parent.getTree())) {
                    (existing == null ? added : changed).add(name);
                }
            }
        }
        List<String> parts = new ArrayList<>();
        part(parts, "add", added);
        part(parts, "change", changed);
        part(parts, "remove", removed);
        String subject = "Profiles of " + user + ": " + String.join("; ", parts);
        if (subject.length() > SUBJECT_MAX) {
            subject = "Profiles of " + user + ": " + changes.size() + " files";
        }
        StringBuilder body = new StringBuilder(subject).append("\n\n");
        lines(body, "Added", added);
        lines(body, "Changed", changed);
        lines(body, "Removed", removed);
        return body.append("\nPushed by Outpost from ").append(userDir).append('\n').toString();
    }

    private static void part(List<String> parts, String verb, List<String> names) {
        if (!names.isEmpty()) {
            parts.add(verb + " " + String.join(", ", names));
        }
    }

    private static void lines(StringBuilder body, String label, List<String> names) {
        for (String n : names) {
            body.append(label).append(": ").append(n).append('\n');
        }
    }
}
