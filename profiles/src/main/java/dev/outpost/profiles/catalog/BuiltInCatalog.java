package dev.outpost.profiles.catalog;

import java.util.Optional;

/** The catalog and sample profiles shipped inside Outpost, so it works with no platform configured. */
public final class BuiltInCatalog {
    public static final String LABEL = "built-in:";

    private BuiltInCatalog() {
    }

    public static Layer layer() {
        return new Layer(LABEL, SourceTree.classpath(BuiltInCatalog.class, "builtin"), Optional.of(ProfileOrigin.BUILT_IN));
    }
}
