package dev.outpost.profiles.catalog;

/** Where a profile comes from, which decides who may change it. */
public enum ProfileOrigin {
    /** Shipped inside Outpost. */
    BUILT_IN,
    /** profiles/team/ in the platform repository, maintained by the platform team. */
    TEAM,
    /** profiles/users/&lt;user&gt;/: the user's own, pushed back from Outpost. */
    USER;

    /** How lists and JSON name it: built-in, team, user. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
