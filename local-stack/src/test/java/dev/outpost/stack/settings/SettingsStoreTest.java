package dev.outpost.stack.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.profiles.Runtime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    private SettingsStore store() {
        return new SettingsStore(dir.resolve("config/settings.json"),
                Clock.fixed(Instant.parse("2026-11-23T10:15:30Z"), ZoneOffset.UTC));
    }

    @Test
    void aMissingFileMeansDefaults() throws Exception {
        var r = store().load();
        assertThat(r.settings()).isEqualTo(Settings.defaults());
        assertThat(r.problem()).isEmpty();
    }

    @Test
    void savedSettingsReadBackOwnerOnlyWithNoTempFilesLeft() throws Exception {
        SettingsStore s = store();
        Settings wanted = Settings.defaults().withDefaultRuntime(Runtime.K3D).withTheme("dark")
                .withRegistryMirror("mirror.example.internal:5000");
        s.save(wanted);

        assertThat(s.load().settings()).isEqualTo(wanted);
        assertThat(Files.readString(s.file())).contains("\"defaultRuntime\" : \"k3d\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(s.file()))).isEqualTo("rw-------");
        try (var files = Files.list(s.file().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("settings.json");
        }
    }

    @Test
    void aCorruptFileIsKeptAsideReportedAndNotOverwritten() throws Exception {
        SettingsStore s = store();
        Files.createDirectories(s.file().getParent());
        Files.writeString(s.file(), "{ \"defaultRuntime\": \"kind\", oops");

        var r = s.load();

        Path aside = s.file().resolveSibling("settings.json.corrupt-20261123-101530");
        assertThat(r.settings()).isEqualTo(Settings.defaults());
        assertThat(r.setAside()).contains(aside);
        assertThat(r.problem()).get().asString().contains("could not be read", "settings.json.corrupt-20261123-101530");
        assertThat(Files.readString(aside)).isEqualTo("{ \"defaultRuntime\": \"kind\", oops");
        assertThat(s.file()).doesNotExist();
    }

    @Test
    void anUnknownRuntimeIsCorruptionNotASilentDefault() throws Exception {
        SettingsStore s = store();
        Files.createDirectories(s.file().getParent());
        Files.writeString(s.file(), "{\"defaultRuntime\":\"minikube\"}");
        var r = s.load();
        assertThat(r.problem()).isPresent();
        assertThat(r.setAside()).isPresent();
    }

    @Test
    void unknownKeysFromANewerVersionAreTolerated() throws Exception {
        SettingsStore s = store();
        Files.createDirectories(s.file().getParent());
        Files.writeString(s.file(), "{\"schemaVersion\":2,\"defaultRuntime\":\"kind\",\"futureThing\":true}");
        var r = s.load();
        assertThat(r.problem()).isEmpty();
        assertThat(r.settings().defaultRuntime()).isEqualTo(Runtime.KIND);
    }
}
