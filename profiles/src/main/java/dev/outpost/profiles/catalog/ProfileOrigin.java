package dev.outpost.profiles.catalog;

/** Where a profile comes from, which decides who may change it. */
public enum ProfileOrigin {
    /** Shipped inside Outpost. */
    BUILT_IN,
    /** profiles/team/ in the platform repository, maintained by the platform team. */
    TEAM,
    /** profiles/users/&lt;user&gt;/: the user's own, pushed back from Outpost. */
    USER
}
