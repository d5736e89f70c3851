package dev.outpost.desktop.ui.settings;

import dev.outpost.desktop.ui.UiExecutor;
import dev.outpost.profiles.Runtime;
import dev.outpost.stack.settings.AppDirectories;
import dev.outpost.stack.settings.Settings;
import dev.outpost.stack.settings.SettingsStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Edits the user's settings and shows where Outpost keeps its files. Saves go through the store
 * off the UI thread; the applied settings are published to the rest of the app.
 */
public final class SettingsViewModel {
    private final SettingsStore store;
    private final AppDirectories directories;
    private final UiExecutor executor;
    private final Consumer<Settings> onSaved;

    private final ObjectProperty<Runtime> defaultRuntime = new SimpleObjectProperty<>();
    private final StringProperty theme = new SimpleStringProperty();
    private final StringProperty registryMirror = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    /** The settings in force: other forms (idle and cost) save into the same file, so saves start from these. */
    private final Supplier<Settings> current;

    public SettingsViewModel(SettingsStore store, AppDirectories directories, Supplier<Settings> current,
                             String loadProblem, UiExecutor executor, Consumer<Settings> onSaved) {
        this.store = store;
        this.directories = directories;
        this.executor = executor;
        this.onSaved = onSaved;
        this.current = current;
        show(current.get());
        message.set(loadProblem == null ? "" : loadProblem);
    }

    private void show(Settings s) {
        defaultRuntime.set(s.defaultRuntime());
        theme.set(s.theme());
        registryMirror.set(s.registryMirror() == null ? "" : s.registryMirror());
    }

    public void save() {
        String mirror = registryMirror.get() == null ? "" : registryMirror.get().trim();
        if (!mirror.isEmpty() && !mirror.matches("[A-Za-z0-9.-]+(:\\d{1,5})?(/[A-Za-z0-9._/-]*)?")) {
            message.set("Registry mirror must be host[:port][/path], e.g. registry.company.internal:5000");
            return;
        }
        Settings next = current.get().withDefaultRuntime(defaultRuntime.get()).withTheme(theme.get())
                .withRegistryMirror(mirror);
        executor.run(() -> {
            store.save(next);
            return next;
        }, saved -> {
            message.set("Saved to " + store.file());
            onSaved.accept(saved);
        }, e -> message.set("Could not save settings: " + e.getMessage()));
    }

    /** Name → path, in the order a user would look for them. */
    public Map<String, String> locations() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Settings file", store.file().toString());
        m.put("Configuration", directories.config().toString());
        m.put("Data", directories.data().toString());
        m.put("State", directories.state().toString());
        m.put("Logs", directories.logs().toString());
        m.put("Cache", directories.cache().toString());
        return m;
    }

    public ObjectProperty<Runtime> defaultRuntimeProperty() {
        return defaultRuntime;
    }

    public StringProperty themeProperty() {
        return theme;
    }

    public StringProperty registryMirrorProperty() {
        return registryMirror;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
