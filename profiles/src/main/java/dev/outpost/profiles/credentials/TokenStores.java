package dev.outpost.profiles.credentials;

import com.github.javakeyring.BackendNotSupportedException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks where tokens are kept on this computer. */
public final class TokenStores {
    private static final Logger LOG = LoggerFactory.getLogger(TokenStores.class);

    /** Opens the OS keychain, or says why there is none. */
    @FunctionalInterface
    interface KeychainOpener {
        TokenStore open() throws BackendNotSupportedException;
    }

    private TokenStores() {
    }

    /**
     * The OS keychain when one answers, otherwise {@value FileTokenStore#FILE_NAME} in
     * {@code fallbackDir}. {@link TokenStore#backendDescription()} says which, so the UI and CLI can
     * tell the user where their token went.
     */
    public static TokenStore preferred(Path fallbackDir) {
        return preferred(fallbackDir, KeychainTokenStore::open);
    }

    static TokenStore preferred(Path fallbackDir, KeychainOpener keychain) {
        try {
            return keychain.open();
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            // JNA or D-Bus failing to load is as much "no keychain" as an unsupported backend.
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            FileTokenStore file = new FileTokenStore(fallbackDir, why);
            LOG.info("No OS keychain answered ({}); tokens go to {}", why, file.file());
            return file;
        }
    }
}
