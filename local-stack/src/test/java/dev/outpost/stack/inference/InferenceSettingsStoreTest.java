package dev.outpost.stack.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.profiles.model.Profile.Placement;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.platform.OperatingSystem;
import dev.outpost.stack.settings.AppDirectories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferenceSettingsStoreTest {
    @TempDir
    Path dir;

    private InferenceSettingsStore store() {
        return new InferenceSettingsStore(dir.resolve("config/inference.json"),
                Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void missingFileGivesDefaults() throws Exception {
        InferenceSettings s = store().load().settings();

        assertThat(s).isEqualTo(InferenceSettings.defaults());
        assertThat(s.placement()).isEqualTo(Placement.AUTO);
        assertThat(s.gatewayPort()).isEqualTo(11435);
        assertThat(s.allowFallback()).isTrue();
        assertThat(s.remoteTargetName()).isEmpty();
        assertThat(s.customCa()).isEmpty();
    }

    @Test
    void roundTripKeepsEveryField() throws Exception {
        InferenceSettings s = InferenceSettings.defaults().withPlacement(Placement.REMOTE).withRemoteTarget("gke-l4")
                .withAllowFallback(false).withGatewayPort(18080).withCustomCaPath("/etc/ssl/company-ca.pem");

        store().save(s);
        InferenceSettingsStore.LoadResult back = store().load();

        assertThat(back.settings()).isEqualTo(s);
        assertThat(back.problem()).isEmpty();
        assertThat(Files.readString(store().file())).contains("\"placement\" : \"remote\"")
                .contains("\"gatewayPort\" : 18080");
        assertThat(back.settings().customCa()).contains(Path.of("/etc/ssl/company-ca.pem"));
    }

    @Test
    void oddValuesFallBackToDefaultsWithoutLosingTheRest() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(store().file(), """
                {"schemaVersion":1,"placement":"SOMEWHERE","remoteTarget":"  ","gatewayPort":0,
                 "allowFallback":false,"customCaPath":"/ca.pem","addedLater":{"x":1}}""");

        InferenceSettings s = store().load().settings();

        assertThat(s.placement()).isEqualTo(Placement.AUTO);
        assertThat(s.remoteTarget()).isNull();
        assertThat(s.gatewayPort()).isEqualTo(InferenceSettings.DEFAULT_GATEWAY_PORT);
        assertThat(s.allowFallback()).isFalse();
        assertThat(s.customCaPath()).isEqualTo("/ca.pem");
    }

    @Test
    void placementIsReadInAnyCase() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(store().file(), "{\"placement\":\"Local\"}");

        assertThat(store().load().settings().placement()).isEqualTo(Placement.LOCAL);
    }

    @Test
    void unreadableFileIsSetAsideNotOverwritten() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(store().file(), "{ not json");

        InferenceSettingsStore.LoadResult r = store().load();

        assertThat(r.settings()).isEqualTo(InferenceSettings.defaults());
        assertThat(r.setAside()).hasValueSatisfying(p -> {
            assertThat(p.getFileName().toString()).isEqualTo("inference.json.corrupt-20260301-120000");
            assertThat(p).hasContent("{ not json");
        });
        assertThat(r.problem()).hasValueSatisfying(m -> assertThat(m).contains("defaults are in use"));
        assertThat(store().file()).doesNotExist();
    }

    @Test
    void livesBesideSettingsJson() {
        AppDirectories dirs = AppDirectories.forHost(new HostEnvironment(OperatingSystem.LINUX,
                Map.of("OUTPOST_HOME", dir.toString()), dir));

        assertThat(InferenceSettingsStore.in(dirs).file()).isEqualTo(dirs.settingsFile().resolveSibling("inference.json"));
    }
}
