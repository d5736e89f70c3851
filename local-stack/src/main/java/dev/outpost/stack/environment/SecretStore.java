package dev.outpost.stack.environment;

import dev.outpost.profiles.credentials.TokenStore;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Generated passwords of each environment, made once and kept in the OS keychain (or the 0600
 * token file), never in the profile, the plan or a log.
 */
public final class SecretStore {
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final int LENGTH = 24;

    private final TokenStore store;
    private final SecureRandom random = new SecureRandom();

    public SecretStore(TokenStore store) {
        this.store = store;
    }

    /** The secret, generated and stored on first use. URL-safe, so connection strings need no escaping. */
    public synchronized String get(String env, String service, String name) {
        String account = account(env, service, name);
        Optional<String> existing = store.get(account);
        if (existing.isPresent()) {
            return existing.get();
        }
        StringBuilder b = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            b.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        store.put(account, b.toString());
        return b.toString();
    }

    /** The text with each {@code {{secret:NAME}}} replaced by the service's secret of that name. */
    public String fill(String env, String service, String text) {
        String out = text;
        for (dev.outpost.profiles.validation.Placeholders.Placeholder ph : dev.outpost.profiles.validation.Placeholders.in(text)) {
            if (ph.kind().equals("secret")) {
                out = out.replace(ph.text(), get(env, service, ph.argument()));
            }
        }
        return out;
    }

    public Optional<String> peek(String env, String service, String name) {
        return store.get(account(env, service, name));
    }

    public void forget(String env, String service, String name) {
        store.delete(account(env, service, name));
    }

    static String account(String env, String service, String name) {
        return "env:" + env + ":" + service + ":" + name;
    }
}
