package dev.outpost.profiles.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a sync changed, between the previous last good version and the new one.
 *
 * @param fromCommit      the previous last good commit; empty on the first sync, where everything is added
 * @param toCommit        the commit now in use: the version of the catalog and team profiles
 * @param profiles        files under {@code profiles/}
 * @param catalog         files under {@code catalog/}
 * @param platformChanged whether {@code platform.yaml} changed
 * @param other           any other files
 */
public record ChangeSummary(Optional<String> fromCommit, String toCommit, PathChanges profiles, PathChanges catalog,
        boolean platformChanged, PathChanges other) {

    public boolean isEmpty() {
        return profiles.isEmpty() && catalog.isEmpty() && !platformChanged && other.isEmpty();
    }

    /** One line per kind of change, for the CLI and a notification; "No changes." when there are none. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        add(lines, "Profiles added", profiles.added());
        add(lines, "Profiles removed", profiles.removed());
        add(lines, "Profiles changed", profiles.changed());
        add(lines, "Catalog added", catalog.added());
        add(lines, "Catalog removed", catalog.removed());
        add(lines, "Catalog changed", catalog.changed());
        if (platformChanged) {
            lines.add("platform.yaml changed");
        }
        int others = other.added().size() + other.removed().size() + other.changed().size();
        if (others > 0) {
            lines.add(others + (others == 1 ? " other file changed" : " other files changed"));
        }
        if (lines.isEmpty()) {
            lines.add("No changes.");
        }
        return lines;
    }

    private static void add(List<String> lines, String label, List<String> paths) {
        if (!paths.isEmpty()) {
            lines.add(label + ": " + String.join(", ", paths));
        }
    }
}
