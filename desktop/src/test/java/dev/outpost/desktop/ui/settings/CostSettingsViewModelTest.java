package dev.outpost.desktop.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.desktop.ui.UiExecutor;
import dev.outpost.profiles.credentials.MapTokenStore;
import dev.outpost.stack.cost.CostService;
import dev.outpost.stack.settings.Settings;
import dev.outpost.stack.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostSettingsViewModelTest {
    @TempDir
    Path dir;

    private SettingsStore store;
    private final MapTokenStore tokens = new MapTokenStore();
    private final AtomicReference<Settings> current = new AtomicReference<>(Settings.defaults().withTheme("dark"));
    private final AtomicInteger invalidated = new AtomicInteger();
    private CostSettingsViewModel vm;

    @BeforeEach
    void setUp() {
        store = new SettingsStore(dir.resolve("settings.json"));
        vm = new CostSettingsViewModel(store, current::get, () -> tokens, invalidated::incrementAndGet,
                UiExecutor.direct(), current::set);
    }

    @Test
    void showsTheDefaultsAndThatNoKeyIsStored() {
        assertThat(vm.idleEnabledProperty().get()).isTrue();
        assertThat(vm.stopAfterProperty().get()).isEqualTo("30m");
        assertThat(vm.cpuThresholdProperty().get()).isEqualTo("5");
        assertThat(vm.warnBeforeProperty().get()).isEqualTo("1m");
        assertThat(vm.laptopZoneProperty().get()).isEmpty();
        assertThat(vm.electricityPerKwhProperty().get()).isEmpty();
        assertThat(vm.keyStatusProperty().get()).startsWith("No Electricity Maps key stored");
        assertThat(vm.zones()).first().isEqualTo("WORLD");
        assertThat(vm.zones()).contains("DE", "FR");
    }

    @Test
    void badFieldsAreNamedAndNothingIsSaved() {
        vm.stopAfterProperty().set("30 minutes");
        vm.warnBeforeProperty().set("never");
        vm.releaseRemoteAfterProperty().set("0m");
        vm.cpuThresholdProperty().set("150");
        vm.electricityPerKwhProperty().set("cheap");
        vm.laptopZoneProperty().set("Germany!");

        vm.save();

        assertThat(vm.messageProperty().get().lines()).containsExactly(
                "Stop after: \"30 minutes\" is not a duration; write it like 90s, 30m, 2h or 1h30m, or never",
                "Release the remote GPU after: \"0m\" is not a duration; write it like 90s, 30m, 2h or 1h30m",
                "Warn before: \"never\" is not a duration; write it like 90s, 30m, 2h or 1h30m",
                "CPU threshold: at most 100 (percent of one core)",
                "Grid zone: an Electricity Maps zone or country code, e.g. DE, FR or US-CAL-CISO",
                "Electricity price: \"cheap\" is not a number");
        assertThat(Files.exists(store.file())).isFalse();
        assertThat(invalidated).hasValue(0);
    }

    @Test
    void aWarningAsLongAsTheIdleTimeIsRefused() {
        vm.stopAfterProperty().set("10m");
        vm.warnBeforeProperty().set("10m");

        vm.save();

        assertThat(vm.messageProperty().get()).isEqualTo("Warn before: shorter than the time before a stop (10m)");
    }

    @Test
    void saveWritesTheSettingsKeepsTheKeyInTheTokenStoreAndInvalidatesPricing() throws Exception {
        vm.idleEnabledProperty().set(false);
        vm.stopAfterProperty().set("never");
        vm.cpuThresholdProperty().set("7,5");
        vm.modelKeepAliveProperty().set("10m");
        vm.releaseRemoteAfterProperty().set("1h30m");
        vm.warnBeforeProperty().set("2m");
        vm.laptopZoneProperty().set("fr");
        vm.electricityPerKwhProperty().set("0.32");
        vm.liveIntensityProperty().set(false);
        vm.apiKeyProperty().set("em-secret-key-123");

        vm.save();

        assertThat(vm.messageProperty().get()).isEqualTo("Saved to " + store.file());
        Settings saved = store.load().settings();
        assertThat(saved.theme()).as("the other settings are kept").isEqualTo("dark");
        assertThat(saved.idle().enabled()).isFalse();
        assertThat(saved.idle().stopAfter()).isEqualTo("never");
        assertThat(saved.idle().cpuThreshold()).isEqualTo(7.5);
        assertThat(saved.idle().modelKeepAlive()).isEqualTo("10m");
        assertThat(saved.idle().releaseRemoteAfter()).isEqualTo("1h30m");
        assertThat(saved.idle().warnBefore()).isEqualTo("2m");
        assertThat(saved.cost().laptopZone()).isEqualTo("FR");
        assertThat(saved.cost().electricityPerKwh()).isEqualTo(0.32);
        assertThat(saved.cost().liveIntensity()).isFalse();
        assertThat(current.get()).isEqualTo(saved);
        assertThat(Files.readString(store.file())).doesNotContain("em-secret-key-123");
        assertThat(tokens.get(CostService.ELECTRICITY_MAPS_ACCOUNT)).hasValue("em-secret-key-123");
        assertThat(vm.apiKeyProperty().get()).as("never shown back").isEmpty();
        assertThat(vm.keyStatusProperty().get()).isEqualTo("Electricity Maps key stored in " + tokens.backendDescription());
        assertThat(invalidated).hasValue(1);
        assertThat(vm.laptopZoneProperty().get()).isEqualTo("FR");
        assertThat(vm.cpuThresholdProperty().get()).isEqualTo("7.5");

        // A second form opened on the saved settings shows them.
        CostSettingsViewModel again = new CostSettingsViewModel(store, current::get, () -> tokens, () -> {
        }, UiExecutor.direct(), s -> {
        });
        assertThat(again.stopAfterProperty().get()).isEqualTo("never");
        assertThat(again.electricityPerKwhProperty().get()).isEqualTo("0.32");
        assertThat(again.apiKeyProperty().get()).isEmpty();
    }

    @Test
    void blankPriceAndZoneMeanThePlatformsFiguresAndAnUnknownZoneIsSavedWithANote() throws Exception {
        vm.laptopZoneProperty().set("XK");
        vm.save();

        assertThat(store.load().settings().cost().laptopZone()).isEqualTo("XK");
        assertThat(store.load().settings().cost().electricityPerKwh()).isNull();
        assertThat(vm.messageProperty().get()).contains("no yearly figure for XK");
    }

    @Test
    void forgetKeyRemovesItFromTheTokenStore() {
        tokens.put(CostService.ELECTRICITY_MAPS_ACCOUNT, "old");

        vm.forgetKey();

        assertThat(tokens.get(CostService.ELECTRICITY_MAPS_ACCOUNT)).isEmpty();
        assertThat(vm.keyStatusProperty().get()).startsWith("No Electricity Maps key stored");
    }
}
