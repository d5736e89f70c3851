package dev.outpost.stack.cluster;

import dev.outpost.profiles.Runtime;
import java.time.Instant;

/**
 * A cluster Outpost created, as it recorded it: what it should be, so that a cluster that did not survive a
 * reboot or an engine restart can be started or created again.
 *
 * @param spec        what it was created from, so it can be created again exactly
 * @param environment the environment (profile) deployed into it; empty for a cluster made with `outpost cluster create`
 */
public record OwnedCluster(Runtime runtime, ClusterSpec spec, String environment, Instant createdAt) {

    public String name() {
        return spec.name();
    }

    public String key() {
        return key(runtime, spec.name());
    }

    public static String key(Runtime runtime, String name) {
        return runtime.id() + "-" + name;
    }
}
