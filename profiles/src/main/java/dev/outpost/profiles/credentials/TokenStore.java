package dev.outpost.profiles.credentials;

import java.util.Optional;

/**
 * Where access tokens (for the platform's Git server, remote inference targets) are kept, keyed by
 * an account name such as {@code git:git.example.com}. Implementations never put a token into a
 * log line, an exception message or {@code toString()}.
 */
public interface TokenStore {
    Optional<String> get(String account);

    void put(String account, String token);

    void delete(String account);

    /**
     * One sentence for the UI and CLI saying where tokens are kept, and why when it is not the OS
     * keychain.
     */
    String backendDescription();
}
