package dev.outpost.profiles.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javakeyring.BackendNotSupportedException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoresTest {
    @TempDir
    Path tmp;

    @Test
    void usesTheKeychainWhenOneAnswers() {
        MapTokenStore keychain = new MapTokenStore();

        assertThat(TokenStores.preferred(tmp, () -> keychain)).isSameAs(keychain);
    }

    @Test
    void fallsBackToTheOwnerOnlyFileAndSaysWhy() {
        TokenStore s = TokenStores.preferred(tmp, () -> {
            throw new BackendNotSupportedException("No available keyring backend found");
        });

        assertThat(s).isInstanceOf(FileTokenStore.class);
        assertThat(s.backendDescription()).isEqualTo("Tokens are kept in " + tmp.resolve("tokens.json")
                + " (readable by you alone, mode 0600) because no OS keychain answered"
                + " (No available keyring backend found).");
        s.put("git:git.example.com", "token-one");
        assertThat(new FileTokenStore(tmp).get("git:git.example.com")).contains("token-one");
    }

    /**
     * On this build machine no keychain service runs, so the real lookup must land on the file; where
     * one does run (a developer's Mac), it must say it is the keychain. Only the file is written to.
     */
    @Test
    void theRealLookupReportsWhichBackendItPicked() {
        TokenStore s = TokenStores.preferred(tmp);

        if (s instanceof FileTokenStore file) {
            assertThat(s.backendDescription()).contains(tmp.resolve("tokens.json").toString())
                    .contains("because no OS keychain answered");
            file.put("git:probe", "token");
            assertThat(file.get("git:probe")).contains("token");
        } else {
            assertThat(s).isInstanceOf(KeychainTokenStore.class);
            assertThat(s.backendDescription()).startsWith("Tokens are kept in the ").contains("\"Outpost\"");
        }
    }
}
