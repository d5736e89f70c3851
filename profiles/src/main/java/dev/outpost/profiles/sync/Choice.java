package dev.outpost.profiles.sync;

/** How the user settles a conflict on one of their profiles. */
public enum Choice {
    /** Keep the local edit and push it over the upstream version. */
    MINE,
    /** Take the upstream version; the local edit is dropped only now that the user chose it. */
    THEIRS
}
