package dev.outpost.profiles.credentials;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps tokens in memory only: for tests, and for a session that must not persist a token. */
public final class MapTokenStore implements TokenStore {
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String account) {
        return Optional.ofNullable(tokens.get(account));
    }

    @Override
    public void put(String account, String token) {
        tokens.put(account, token);
    }

    @Override
    public void delete(String account) {
        tokens.remove(account);
    }

    @Override
    public String backendDescription() {
        return "Tokens are kept in memory only and are forgotten when Outpost exits.";
    }

    @Override
    public String toString() {
        return "MapTokenStore[" + tokens.size() + " accounts]";
    }
}
