package dev.outpost.profiles;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an environment's services run: plain containers, or a local kind or k3d cluster. */
public enum Runtime {
    DOCKER,
    KIND,
    K3D;

    /** The name used in profiles, settings and on the command line. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean needsCluster() {
        return this != DOCKER;
    }

    @JsonCreator
    public static Runtime fromId(String id) {
        for (Runtime r : values()) {
            if (r.id().equalsIgnoreCase(id.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown runtime '" + id + "' (expected docker, kind or k3d)");
    }
}
