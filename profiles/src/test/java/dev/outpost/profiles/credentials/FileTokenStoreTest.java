package dev.outpost.profiles.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class FileTokenStoreTest extends TokenStoreContract {
    @TempDir
    Path tmp;

    @Override
    protected TokenStore store() {
        return new FileTokenStore(tmp.resolve("outpost"));
    }

    @Test
    void tokensSurviveANewStoreOnTheSameDirectory() {
        new FileTokenStore(tmp).put("git:git.example.com", "token-one");

        assertThat(new FileTokenStore(tmp).get("git:git.example.com")).contains("token-one");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theFileIsReadableByItsOwnerAlone() throws Exception {
        FileTokenStore s = new FileTokenStore(tmp.resolve("outpost"));
        s.put("git:git.example.com", "token-one");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(s.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(s.file().getParent())))
                .isEqualTo("rwx------");
        try (var leftovers = Files.list(s.file().getParent())) {
            assertThat(leftovers).containsExactly(s.file());
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aFileOthersCanReadIsRefusedAndLeftAsItIs() throws Exception {
        FileTokenStore s = new FileTokenStore(tmp);
        s.put("git:git.example.com", "ghp_leaked-maybe");
        Files.setPosixFilePermissions(s.file(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> s.get("git:git.example.com"))
                .isInstanceOf(TokenStoreException.class)
                .hasMessage(s.file() + " can be read or written by other users (mode 0644), so Outpost will not use"
                        + " the tokens in it. If no one else could have read it, run `chmod 600 " + s.file()
                        + "`; otherwise delete it, revoke those tokens and enter new ones.");
        assertThatThrownBy(() -> s.put("git:other", "x")).isInstanceOf(TokenStoreException.class);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(s.file()))).isEqualTo("rw-r--r--");
    }

    @Test
    void aDamagedFileIsReportedWithoutQuotingIt() throws Exception {
        FileTokenStore s = new FileTokenStore(tmp);
        s.put("git:git.example.com", "token-one");
        Files.writeString(s.file(), "{\"git:git.example.com\": ghp_secret-in-broken-json}");

        assertThatThrownBy(() -> s.get("git:git.example.com"))
                .isInstanceOf(TokenStoreException.class)
                .hasMessageStartingWith(s.file() + " is not a valid token file at line 1, column ")
                .hasMessageNotContaining("ghp_secret")
                .hasNoCause();
    }

    @Test
    void describesWhereTokensAreAndWhyWhenItIsAFallback() {
        assertThat(new FileTokenStore(tmp).backendDescription())
                .isEqualTo("Tokens are kept in " + tmp.resolve("tokens.json") + " (readable by you alone, mode 0600).");
        assertThat(new FileTokenStore(tmp, "no D-Bus session").backendDescription())
                .isEqualTo("Tokens are kept in " + tmp.resolve("tokens.json") + " (readable by you alone, mode 0600)"
                        + " because no OS keychain answered (no D-Bus session).");
    }
}
