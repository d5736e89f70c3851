package dev.outpost.stack.docker.pull;

import com.github.dockerjava.api.model.AuthConfig;
import java.util.Optional;

/**
 * Somewhere registry credentials can come from: the docker CLI's configuration, Outpost's own keychain.
 * An {@link AuthConfig} holds a password or token: never log it, its {@code toString()} included.
 */
@FunctionalInterface
public interface CredentialSource {
    CredentialSource NONE = host -> Optional.empty();

    /**
     * @param host the registry as an image reference names it: {@code ghcr.io}, {@code 127.0.0.1:5000},
     *             {@code docker.io} for Docker Hub
     * @return the credentials to use there, empty for an anonymous pull
     */
    Optional<AuthConfig> forRegistry(String host);
}
