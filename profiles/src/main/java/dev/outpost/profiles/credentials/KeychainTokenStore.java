package dev.outpost.profiles.credentials;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tokens in the OS keychain through java-keyring: macOS Keychain, Windows Credential Manager, or the
 * Secret Service (GNOME Keyring, KWallet) on Linux, under the service name {@value #SERVICE}.
 */
public final class KeychainTokenStore implements TokenStore, AutoCloseable {
    public static final String SERVICE = "Outpost";
    private static final Logger LOG = LoggerFactory.getLogger(KeychainTokenStore.class);

    private final Keyring keyring;

    private KeychainTokenStore(Keyring keyring) {
        this.keyring = keyring;
    }

    /** @throws BackendNotSupportedException when no keychain service answers on this computer */
    public static KeychainTokenStore open() throws BackendNotSupportedException {
        return new KeychainTokenStore(Keyring.create());
    }

    @Override
    public Optional<String> get(String account) {
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, account));
        } catch (PasswordAccessException e) {
            // java-keyring reports "no such entry" and "could not read" alike; both mean no usable token.
            LOG.debug("No token for {} in the {} keychain: {}", account, keyring.getKeyringStorageType(), e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void put(String account, String token) {
        try {
            keyring.setPassword(SERVICE, account, token);
        } catch (PasswordAccessException e) {
            throw new TokenStoreException("The " + storageName() + " did not store the token for " + account
                    + " (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void delete(String account) {
        try {
            keyring.deletePassword(SERVICE, account);
        } catch (PasswordAccessException e) {
            LOG.debug("Nothing to delete for {} in the keychain: {}", account, e.getMessage());
        }
    }

    @Override
    public String backendDescription() {
        return "Tokens are kept in the " + storageName() + " (service \"" + SERVICE + "\").";
    }

    private String storageName() {
        return switch (keyring.getKeyringStorageType()) {
            case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> "macOS Keychain";
            case WINDOWS_CREDENTIAL_STORE -> "Windows Credential Manager";
            case GNOME_KEYRING -> "Secret Service keyring";
            case KWALLET -> "KDE Wallet";
        };
    }

    /** Releases the keychain connection (a D-Bus session on Linux). */
    @Override
    public void close() {
        try {
            keyring.close();
        } catch (Exception e) {
            LOG.debug("Closing the keychain failed: {}", e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "KeychainTokenStore[" + keyring.getKeyringStorageType() + "]";
    }
}
