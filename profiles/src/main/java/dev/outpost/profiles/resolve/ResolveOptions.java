package dev.outpost.profiles.resolve;

import dev.outpost.profiles.Runtime;

/**
 * What the resolver takes from outside the profile.
 *
 * @param registryMirror  the user's mirror setting; null falls back to the platform's
 * @param defaultRuntime  used when neither profile nor platform names one
 */
public record ResolveOptions(String registryMirror, Runtime defaultRuntime) {
    public static ResolveOptions defaults() {
        return new ResolveOptions(null, Runtime.DOCKER);
    }
}
