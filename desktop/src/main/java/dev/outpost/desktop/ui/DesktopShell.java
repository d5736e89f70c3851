package dev.outpost.desktop.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.outpost.desktop.AppServices;
import dev.outpost.desktop.ui.cost.CostView;
import dev.outpost.desktop.ui.cost.CostViewModel;
import dev.outpost.desktop.ui.cost.IdleNoticesView;
import dev.outpost.desktop.ui.cost.IdleNoticesViewModel;
import dev.outpost.desktop.ui.cost.Meter;
import dev.outpost.desktop.ui.diagnostics.DiagnosticsView;
import dev.outpost.desktop.ui.diagnostics.DiagnosticsViewModel;
import dev.outpost.desktop.ui.environments.EnvironmentsView;
import dev.outpost.desktop.ui.environments.EnvironmentsViewModel;
import dev.outpost.desktop.ui.models.ModelsView;
import dev.outpost.desktop.ui.models.ModelsViewModel;
import dev.outpost.desktop.ui.profiles.ProfilesView;
import dev.outpost.desktop.ui.profiles.ProfilesViewModel;
import dev.outpost.desktop.ui.profiles.SyncViewModel;
import dev.outpost.desktop.ui.settings.SettingsView;
import dev.outpost.desktop.ui.settings.SettingsViewModel;
import dev.outpost.desktop.ui.settings.PlatformSettingsViewModel;
import dev.outpost.desktop.ui.settings.CostSettingsViewModel;
import dev.outpost.desktop.ui.shell.MainViewModel;
import dev.outpost.desktop.ui.shell.MainWindow;
import dev.outpost.desktop.ui.shell.Screen;
import dev.outpost.desktop.ui.shell.ScreenView;
import dev.outpost.desktop.ui.state.WorkstationState;
import dev.outpost.desktop.ui.statusbar.StatusBarView;
import dev.outpost.desktop.ui.statusbar.StatusBarViewModel;
import dev.outpost.stack.settings.Settings;
import dev.outpost.stack.settings.SettingsStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** Wires view models to the engine and puts the main window on a stage. Shared by the app and UI tests. */
public final class DesktopShell {
    public static final double WIDTH = 1180;
    public static final double HEIGHT = 760;

    private final MainViewModel main = new MainViewModel();
    private final WorkstationState state;
    private final MainWindow window;
    private final AtomicReference<Settings> settings;
    private final IdleNoticesView notices;

    public DesktopShell(AppServices services, UiExecutor executor) {
        this(services, executor, Meter.of(services.metering()));
    }

    /** @param meter cost and carbon; tests pass one over a monitor they drive themselves */
    public DesktopShell(AppServices services, UiExecutor executor, Meter meter) {
        SettingsStore.LoadResult loaded = load(services.settings());
        settings = new AtomicReference<>(loaded.settings());
        state = new WorkstationState(services.doctor(), executor);

        Map<Screen, Supplier<ScreenView>> screens = new EnumMap<>(Screen.class);
        screens.put(Screen.ENVIRONMENTS, () -> new EnvironmentsView(new EnvironmentsViewModel(state, services.catalog(),
                services.environments(), settings::get, meter, executor)));
        screens.put(Screen.MODELS, () -> new ModelsView(new ModelsViewModel(state, services.inference(), meter, executor)));
        screens.put(Screen.COST, () -> new CostView(new CostViewModel(meter, executor)));
        screens.put(Screen.PROFILES, () -> {
            ProfilesViewModel profiles = new ProfilesViewModel(services.catalog(), executor);
            return new ProfilesView(profiles, new SyncViewModel(services.platform(), executor, profiles::refresh));
        });
        screens.put(Screen.DIAGNOSTICS, () -> new DiagnosticsView(
                new DiagnosticsViewModel(state, () -> settings.get().defaultRuntime())));
        screens.put(Screen.SETTINGS, () -> new SettingsView(new SettingsViewModel(services.settings(),
                services.directories(), settings::get, loaded.problem().orElse(null), executor, saved -> {
                    Settings before = settings.getAndSet(saved);
                    applyTheme(saved.theme());
                    if (before.defaultRuntime() != saved.defaultRuntime()) {
                        state.refresh(saved.defaultRuntime());
                    }
                }), new PlatformSettingsViewModel(services.platform(), executor),
                new CostSettingsViewModel(services.settings(), settings::get, services.platform()::tokens,
                        () -> meter.service().invalidate(), executor, settings::set)));
        window = new MainWindow(main, screens, new StatusBarView(new StatusBarViewModel(state)));
        IdleNoticesViewModel idle = new IdleNoticesViewModel(meter, executor);
        notices = new IdleNoticesView(idle);
        idle.listen();
        if (loaded.problem().isPresent()) {
            // Say so where the user will look: Settings shows the message and where the bad file went.
            main.show(Screen.SETTINGS);
        }
    }

    private static SettingsStore.LoadResult load(SettingsStore store) {
        try {
            return store.load();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + store.file(), e);
        }
    }

    public void show(Stage stage) {
        applyTheme(settings.get().theme());
        // The idle policy's notifications float over every screen.
        Scene scene = new Scene(new StackPane(window.root(), notices.root()), WIDTH, HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(
                DesktopShell.class.getResource("app.css"), "app.css").toExternalForm());
        stage.setTitle("Outpost");
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setScene(scene);
        stage.show();
        StartupProbe.windowShown(scene);
        state.refresh(settings.get().defaultRuntime());
    }

    private static void applyTheme(String theme) {
        Application.setUserAgentStylesheet("dark".equals(theme)
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public MainViewModel navigation() {
        return main;
    }

    public WorkstationState state() {
        return state;
    }
}
