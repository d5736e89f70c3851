package dev.outpost.stack.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.platform.OperatingSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppDirectoriesTest {
    private static final Path HOME = Path.of("/home/ada");

    private static AppDirectories dirs(OperatingSystem os, Map<String, String> env) {
        return AppDirectories.forHost(new HostEnvironment(os, env, HOME));
    }

    @Test
    void linuxFollowsXdgDefaults() {
        AppDirectories d = dirs(OperatingSystem.LINUX, Map.of());
        assertThat(d.config()).isEqualTo(Path.of("/home/ada/.config/outpost"));
        assertThat(d.data()).isEqualTo(Path.of("/home/ada/.local/share/outpost"));
        assertThat(d.state()).isEqualTo(Path.of("/home/ada/.local/state/outpost"));
        assertThat(d.cache()).isEqualTo(Path.of("/home/ada/.cache/outpost"));
        assertThat(d.settingsFile()).isEqualTo(Path.of("/home/ada/.config/outpost/settings.json"));
    }

    @Test
    void linuxHonoursXdgVariablesButIgnoresRelativeOnes() {
        AppDirectories d = dirs(OperatingSystem.LINUX,
                Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "relative/data", "XDG_STATE_HOME", "/st",
                        "XDG_CACHE_HOME", "/c"));
        assertThat(d.config()).isEqualTo(Path.of("/cfg/outpost"));
        assertThat(d.data()).isEqualTo(Path.of("/home/ada/.local/share/outpost"));
        assertThat(d.state()).isEqualTo(Path.of("/st/outpost"));
        assertThat(d.cache()).isEqualTo(Path.of("/c/outpost"));
    }

    @Test
    void macosUsesLibraryFolders() {
        AppDirectories d = dirs(OperatingSystem.MACOS, Map.of("XDG_CONFIG_HOME", "/ignored"));
        assertThat(d.config()).isEqualTo(Path.of("/home/ada/Library/Application Support/Outpost"));
        assertThat(d.data()).isEqualTo(d.config());
        assertThat(d.logs()).isEqualTo(Path.of("/home/ada/Library/Logs/Outpost/logs"));
        assertThat(d.cache()).isEqualTo(Path.of("/home/ada/Library/Caches/Outpost"));
    }

    @Test
    void windowsUsesRoamingForSettingsAndLocalForTheRest() {
        AppDirectories d = dirs(OperatingSystem.WINDOWS,
                Map.of("APPDATA", "/Users/ada/AppData/Roaming", "LOCALAPPDATA", "/Users/ada/AppData/Local"));
        assertThat(d.config()).isEqualTo(Path.of("/Users/ada/AppData/Roaming/Outpost"));
        assertThat(d.data()).isEqualTo(Path.of("/Users/ada/AppData/Local/Outpost/Data"));
        assertThat(d.cache()).isEqualTo(Path.of("/Users/ada/AppData/Local/Outpost/Cache"));
    }

    @Test
    void outpostHomeOverridesEveryOs(@TempDir Path tmp) {
        for (OperatingSystem os : OperatingSystem.values()) {
            AppDirectories d = dirs(os, Map.of("OUTPOST_HOME", tmp.toString()));
            assertThat(d.config()).isEqualTo(tmp.resolve("config"));
            assertThat(d.state()).isEqualTo(tmp.resolve("state"));
        }
    }

    @Test
    void directoriesAreCreatedOwnerOnlyAndExistingOnesTightened(@TempDir Path tmp) throws Exception {
        Path loose = Files.createDirectories(tmp.resolve("home/config"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        AppDirectories d = dirs(OperatingSystem.LINUX, Map.of("OUTPOST_HOME", tmp.resolve("home").toString()))
                .ensureCreated();
        for (Path p : new Path[] {loose, d.data(), d.state(), d.cache(), d.logs()}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(p.toString())
                    .isEqualTo("rwx------");
        }
    }
}
