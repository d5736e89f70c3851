package dev.outpost.stack.docker.pull;

import com.github.dockerjava.api.model.AuthConfig;
import dev.outpost.profiles.credentials.TokenStore;
import java.util.Optional;

/**
 * Registry logins kept by Outpost itself in the OS keychain (or the 0600 token file), for registries
 * a user has not logged in to with the docker CLI: account {@code registry:HOST}, value {@code user:password}.
 */
public final class TokenStoreCredentials implements CredentialSource {
    private final TokenStore store;

    public TokenStoreCredentials(TokenStore store) {
        this.store = store;
    }

    public static String account(String host) {
        return "registry:" + host;
    }

    public void save(String host, String user, String password) {
        store.put(account(host), user + ":" + password);
    }

    @Override
    public Optional<AuthConfig> forRegistry(String host) {
        return store.get(account(host)).filter(v -> v.indexOf(':') > 0).map(v -> new AuthConfig()
                .withRegistryAddress(host).withUsername(v.substring(0, v.indexOf(':')))
                .withPassword(v.substring(v.indexOf(':') + 1)));
    }
}
