package dev.outpost.desktop.ui.settings;

import dev.outpost.desktop.ui.UiExecutor;
import dev.outpost.profiles.credentials.TokenStore;
import dev.outpost.profiles.validation.Durations;
import dev.outpost.stack.cost.CostService;
import dev.outpost.stack.cost.GridIntensity;
import dev.outpost.stack.secrets.Redaction;
import dev.outpost.stack.settings.CostSettings;
import dev.outpost.stack.settings.IdleSettings;
import dev.outpost.stack.settings.Settings;
import dev.outpost.stack.settings.SettingsStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The idle policy and the cost figures' inputs: when to stop idle environments and release the remote GPU, the
 * laptop's grid zone and electricity price, and the Electricity Maps key. The key goes to the token store, never
 * to settings.json, and is never shown back. After a save the cost service forgets its cached pricing.
 */
public final class CostSettingsViewModel {
    private final SettingsStore store;
    private final Supplier<Settings> current;
    private final Supplier<TokenStore> tokens;
    private final Runnable invalidate;
    private final UiExecutor executor;
    private final Consumer<Settings> onSaved;

    private final BooleanProperty idleEnabled = new SimpleBooleanProperty(true);
    private final StringProperty stopAfter = new SimpleStringProperty("");
    private final StringProperty cpuThreshold = new SimpleStringProperty("");
    private final StringProperty modelKeepAlive = new SimpleStringProperty("");
    private final StringProperty releaseRemoteAfter = new SimpleStringProperty("");
    private final StringProperty warnBefore = new SimpleStringProperty("");
    private final StringProperty laptopZone = new SimpleStringProperty("");
    private final StringProperty electricityPerKwh = new SimpleStringProperty("");
    private final BooleanProperty liveIntensity = new SimpleBooleanProperty(true);
    private final StringProperty apiKey = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper keyStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<String> zones = FXCollections.observableArrayList(GridIntensity.knownZones());

    /**
     * @param current    the settings in force now (the other settings forms save into the same file)
     * @param invalidate makes the cost service read the settings again; run off the FX thread
     * @param onSaved    gets the saved settings, on the FX thread
     */
    public CostSettingsViewModel(SettingsStore store, Supplier<Settings> current, Supplier<TokenStore> tokens,
                                 Runnable invalidate, UiExecutor executor, Consumer<Settings> onSaved) {
        this.store = store;
        this.current = current;
        this.tokens = tokens;
        this.invalidate = invalidate;
        this.executor = executor;
        this.onSaved = onSaved;
        show(current.get());
        executor.run(this::describeKey, keyStatus::set, e -> keyStatus.set("Token store: " + error(e)));
    }

    private void show(Settings s) {
        IdleSettings i = s.idle();
        idleEnabled.set(i.enabled());
        stopAfter.set(i.stopAfter());
        cpuThreshold.set(number(i.cpuThreshold()));
        modelKeepAlive.set(i.modelKeepAlive());
        releaseRemoteAfter.set(i.releaseRemoteAfter());
        warnBefore.set(i.warnBefore());
        CostSettings c = s.cost();
        laptopZone.set(c.laptopZone() == null ? "" : c.laptopZone());
        electricityPerKwh.set(c.electricityPerKwh() == null ? "" : number(c.electricityPerKwh()));
        liveIntensity.set(c.liveIntensity());
    }

    private String describeKey() {
        TokenStore t = tokens.get();
        return t.get(CostService.ELECTRICITY_MAPS_ACCOUNT).isPresent()
                ? "Electricity Maps key stored in " + t.backendDescription()
                : "No Electricity Maps key stored: the laptop's figures use the zone's yearly average";
    }

    /** Checks every field, says what is wrong with each; saves only when all are right. */
    public void save() {
        List<String> problems = new ArrayList<>();
        String stop = duration("Stop after", stopAfter.get(), true, problems);
        String keepAlive = duration("Model keep-alive", modelKeepAlive.get(), false, problems);
        String release = duration("Release the remote GPU after", releaseRemoteAfter.get(), false, problems);
        String warn = duration("Warn before", warnBefore.get(), false, problems);
        Double threshold = decimal("CPU threshold", cpuThreshold.get(), problems);
        if (threshold == null && problems.stream().noneMatch(p -> p.startsWith("CPU threshold"))) {
            problems.add("CPU threshold: enter a percentage of one core, e.g. 5");
        } else if (threshold != null && threshold > 100) {
            problems.add("CPU threshold: at most 100 (percent of one core)");
        }
        String zone = Optional.ofNullable(laptopZone.get()).map(String::strip).orElse("").toUpperCase(Locale.ROOT);
        if (!zone.isEmpty() && !zone.matches("[A-Z]{2}(-[A-Z0-9]+)*") && !zone.equals("WORLD")) {
            problems.add("Grid zone: an Electricity Maps zone or country code, e.g. DE, FR or US-CAL-CISO");
        }
        Double price = decimal("Electricity price", electricityPerKwh.get(), problems);
        Optional<Duration> stopD = Durations.parse(stop);
        Optional<Duration> warnD = Durations.parse(warn);
        if (stopD.isPresent() && warnD.isPresent() && warnD.get().compareTo(stopD.get()) >= 0) {
            problems.add("Warn before: shorter than the time before a stop (" + stop + ")");
        }
        if (!problems.isEmpty()) {
            message.set(String.join("\n", problems));
            return;
        }
        Settings base = current.get();
        IdleSettings idle = new IdleSettings(idleEnabled.get(), stop, threshold, keepAlive, release, warn);
        CostSettings cost = new CostSettings(zone.isEmpty() ? null : zone, price, liveIntensity.get(),
                base.cost().sampleSeconds());
        Settings next = base.withIdle(idle).withCost(cost);
        Optional<String> key = Optional.ofNullable(apiKey.get()).map(String::strip).filter(k -> !k.isEmpty());
        executor.run(() -> {
            store.save(next);
            key.ifPresent(k -> tokens.get().put(CostService.ELECTRICITY_MAPS_ACCOUNT, k));
            invalidate.run();
            return describeKey();
        }, status -> {
            apiKey.set("");
            keyStatus.set(status);
            show(next);
            message.set("Saved to " + store.file() + (zone.isEmpty() || GridIntensity.forZone(zone).isPresent() ? ""
                    : ". Outpost has no yearly figure for " + zone + ": the live figure needs the Electricity Maps key,"
                    + " else the platform's figure or the world average is used"));
            onSaved.accept(next);
        }, e -> message.set("Could not save: " + error(e)));
    }

    /** Forgets the Electricity Maps key; the laptop's figures fall back to the zone's yearly average. */
    public void forgetKey() {
        executor.run(() -> {
            tokens.get().delete(CostService.ELECTRICITY_MAPS_ACCOUNT);
            invalidate.run();
            return describeKey();
        }, keyStatus::set, e -> keyStatus.set("Could not remove the key: " + error(e)));
    }

    /** A duration as profiles write them (30m, 1h30m); "never" only where stopping can be turned off. */
    private static String duration(String field, String value, boolean neverAllowed, List<String> problems) {
        String v = value == null ? "" : value.strip();
        if (neverAllowed && v.equalsIgnoreCase("never")) {
            return "never";
        }
        Optional<Duration> d = Durations.parse(v);
        if (d.isEmpty() || d.get().isZero()) {
            problems.add(field + ": \"" + v + "\" is not a duration; write it like 90s, 30m, 2h or 1h30m"
                    + (neverAllowed ? ", or never" : ""));
            return null;
        }
        return v;
    }

    /** Blank is null (the default); a comma works as the decimal point. */
    private static Double decimal(String field, String value, List<String> problems) {
        String v = value == null ? "" : value.strip().replace(',', '.');
        if (v.isEmpty()) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) {
                problems.add(field + ": must be zero or more");
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            problems.add(field + ": \"" + v + "\" is not a number");
            return null;
        }
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String error(Throwable e) {
        return Redaction.redact(e.getMessage() == null ? e.toString() : e.getMessage());
    }

    public BooleanProperty idleEnabledProperty() {
        return idleEnabled;
    }

    public StringProperty stopAfterProperty() {
        return stopAfter;
    }

    public StringProperty cpuThresholdProperty() {
        return cpuThreshold;
    }

    public StringProperty modelKeepAliveProperty() {
        return modelKeepAlive;
    }

    public StringProperty releaseRemoteAfterProperty() {
        return releaseRemoteAfter;
    }

    public StringProperty warnBeforeProperty() {
        return warnBefore;
    }

    public StringProperty laptopZoneProperty() {
        return laptopZone;
    }

    public StringProperty electricityPerKwhProperty() {
        return electricityPerKwh;
    }

    public BooleanProperty liveIntensityProperty() {
        return liveIntensity;
    }

    /** Write-only: cleared after a save, never filled from the token store. */
    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    public ReadOnlyStringProperty keyStatusProperty() {
        return keyStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Zones with a built-in yearly figure, for the zone picker (any other zone can be typed). */
    public ObservableList<String> zones() {
        return zones;
    }
}
