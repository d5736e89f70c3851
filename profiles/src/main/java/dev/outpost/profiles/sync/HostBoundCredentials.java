package dev.outpost.profiles.sync;

import java.util.Objects;
import org.eclipse.jgit.errors.UnsupportedCredentialItem;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Hands the token only to the configured host and port. JGit follows an HTTP redirect on the first
 * request and would otherwise answer the new host's login challenge with the same token.
 */
final class HostBoundCredentials extends UsernamePasswordCredentialsProvider {
    private final String host;
    private final int port;

    HostBoundCredentials(String user, String token, String host, int port) {
        super(user, token);
        this.host = host;
        this.port = port;
    }

    @Override
    public boolean get(URIish uri, CredentialItem... items) throws UnsupportedCredentialItem {
        if (uri == null || !host.equalsIgnoreCase(uri.getHost()) || !samePort(uri.getPort())) {
            return false;
        }
        return super.get(uri, items);
    }

    private boolean samePort(int other) {
        return port <= 0 || Objects.equals(port, other);
    }

    @Override
    public String toString() {
        return "HostBoundCredentials[" + host + "]";
    }
}
