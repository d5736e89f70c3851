package dev.outpost.profiles.sync;

/** How the platform repository is reached, which decides how Outpost authenticates. */
public enum RemoteKind {
    /** HTTPS with a token from the {@link dev.outpost.profiles.credentials.TokenStore}. */
    HTTPS,
    /** Plain HTTP, accepted for loopback addresses only because a token would cross the network in clear. */
    HTTP,
    /** SSH through the user's own {@code ssh} client, its config, keys and agent. */
    SSH,
    /** A directory on this computer or a mounted share. */
    FILE;

    public boolean usesToken() {
        return this == HTTPS || this == HTTP;
    }
}
