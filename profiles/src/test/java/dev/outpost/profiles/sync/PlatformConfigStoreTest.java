package dev.outpost.profiles.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class PlatformConfigStoreTest {
    @TempDir
    Path tmp;

    @Test
    void nothingConfiguredIsEmpty() {
        assertThat(new PlatformConfigStore(tmp).load()).isEmpty();
    }

    @Test
    void roundTripsAsJson() throws Exception {
        PlatformConfigStore store = new PlatformConfigStore(tmp.resolve("config"));
        PlatformConfig c = PlatformConfig.of("https://git.example.com/idp.git", "ann").withBranch("release")
                .withTokenUser("ann.smith").withCaCertificates(Path.of("/etc/ssl/company.pem"));

        store.save(c);

        assertThat(store.load()).contains(c);
        assertThat(Files.readString(store.file())).contains("\"url\" : \"https://git.example.com/idp.git\"")
                .contains("\"branch\" : \"release\"").doesNotContain("remote").doesNotContain("tokenAccount");
        assertThat(new PlatformConfigStore(tmp.resolve("config")).load()).contains(c);
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theFileIsOwnerOnlyAndReplacedWhole() throws Exception {
        PlatformConfigStore store = new PlatformConfigStore(tmp);
        store.save(PlatformConfig.of("/srv/idp.git", "ann"));
        store.save(PlatformConfig.of("/srv/other.git", "ann"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(store.load().orElseThrow().url()).isEqualTo("/srv/other.git");
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(store.file());
        }
    }

    @Test
    void anInvalidConfigIsNotSaved() {
        PlatformConfigStore store = new PlatformConfigStore(tmp);

        assertThatThrownBy(() -> store.save(PlatformConfig.of("https://ann:tok@git.example.com/x.git", "ann")))
                .isInstanceOf(InvalidPlatformConfigException.class);
        assertThat(store.file()).doesNotExist();
    }

    @Test
    void unknownFieldsAreIgnoredAndMissingOnesDefaulted() throws Exception {
        Files.writeString(tmp.resolve("platform.json"), "{\"url\":\"/srv/idp.git\",\"user\":\"ann\",\"future\":1}");

        assertThat(new PlatformConfigStore(tmp).load()).contains(new PlatformConfig("/srv/idp.git", "main", "ann", null,
                null));
    }

    @Test
    void aDamagedFileSaysWhere() throws Exception {
        Files.writeString(tmp.resolve("platform.json"), "{\"url\": ");

        assertThatThrownBy(() -> new PlatformConfigStore(tmp).load())
                .isInstanceOf(InvalidPlatformConfigException.class)
                .hasMessageStartingWith(tmp.resolve("platform.json") + " is not valid JSON at line 1, column ");
    }
}
