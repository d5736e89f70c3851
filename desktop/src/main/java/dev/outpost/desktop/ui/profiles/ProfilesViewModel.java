package dev.outpost.desktop.ui.profiles;

import dev.outpost.desktop.ui.UiExecutor;
import dev.outpost.profiles.Runtime;
import dev.outpost.profiles.validation.Problem;
import dev.outpost.stack.catalog.CatalogService;
import dev.outpost.stack.catalog.CatalogSnapshot;
import dev.outpost.stack.catalog.CatalogSnapshot.ProfileEntry;
import dev.outpost.stack.catalog.NewProfile;
import dev.outpost.stack.secrets.Redaction;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The profile list, the selected profile's details, and the new-profile form. */
public final class ProfilesViewModel {
    private final CatalogService catalog;
    private final UiExecutor executor;

    private final ObservableList<ProfileEntry> profiles = FXCollections.observableArrayList();
    private final ObservableList<String> catalogServices = FXCollections.observableArrayList();
    private final ObjectProperty<ProfileEntry> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Loading profiles…");

    private final StringProperty newName = new SimpleStringProperty("");
    private final ObjectProperty<Runtime> newRuntime = new SimpleObjectProperty<>(Runtime.DOCKER);
    private final ObservableList<String> newServices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper newMessage = new ReadOnlyStringWrapper("");
    private final BooleanProperty creating = new SimpleBooleanProperty();

    public ProfilesViewModel(CatalogService catalog, UiExecutor executor) {
        this.catalog = catalog;
        this.executor = executor;
        selected.addListener((obs, old, now) -> details.set(describe(now)));
    }

    public void refresh() {
        loading.set(true);
        executor.run(catalog::load, this::apply, e -> {
            loading.set(false);
            status.set("Could not read profiles: " + Redaction.redact(String.valueOf(e.getMessage())));
        });
    }

    private void apply(CatalogSnapshot snap) {
        loading.set(false);
        String keep = selected.get() == null ? null : selected.get().file();
        profiles.setAll(snap.profiles());
        catalogServices.setAll(snap.catalog().templates().keySet());
        long invalid = snap.profiles().stream().filter(p -> !p.valid()).count();
        status.set(snap.profiles().size() + " profiles" + (invalid > 0 ? ", " + invalid + " with problems" : "")
                + " · catalog: " + snap.catalog().templates().size() + " services"
                + snap.catalog().platform().map(p -> " from " + p.document().name()).orElse(""));
        profiles.stream().filter(p -> p.file().equals(keep)).findFirst()
                .ifPresentOrElse(selected::set, () -> selected.set(profiles.isEmpty() ? null : profiles.getFirst()));
    }

    static String describe(ProfileEntry e) {
        if (e == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        b.append(e.name()).append("  (").append(e.origin().id()).append(")\n");
        b.append(e.file()).append("\n\n");
        if (!e.valid()) {
            b.append("This profile cannot be used until these are fixed:\n");
            b.append(e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n")));
            return b.toString();
        }
        if (e.description() != null && !e.description().isBlank()) {
            b.append(e.description()).append("\n\n");
        }
        b.append("Runtime: ").append(e.runtime()).append('\n');
        b.append("Services: ").append(String.join(", ", e.services()));
        return b.toString();
    }

    public void create() {
        String name = newName.get() == null ? "" : newName.get().trim();
        if (name.isEmpty() || newServices.isEmpty()) {
            newMessage.set("Give the profile a name and pick at least one service.");
            return;
        }
        creating.set(true);
        NewProfile request = new NewProfile(name, null, newRuntime.get(), List.copyOf(newServices),
                System.getProperty("user.name"));
        executor.run(() -> catalog.create(request), created -> {
            creating.set(false);
            if (created.file().isPresent()) {
                newMessage.set("Created " + created.file().get());
                newName.set("");
                newServices.clear();
                refresh();
            } else {
                newMessage.set(created.problems().stream().map(Problem::toString).collect(Collectors.joining("\n")));
            }
        }, e -> {
            creating.set(false);
            newMessage.set("Could not create the profile: " + e.getMessage());
        });
    }

    public ObservableList<ProfileEntry> profiles() {
        return profiles;
    }

    public ObservableList<String> catalogServices() {
        return catalogServices;
    }

    public ObjectProperty<ProfileEntry> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public ObjectProperty<Runtime> newRuntimeProperty() {
        return newRuntime;
    }

    public ObservableList<String> newServices() {
        return newServices;
    }

    public ReadOnlyStringProperty newMessageProperty() {
        return newMessage.getReadOnlyProperty();
    }

    public BooleanProperty creatingProperty() {
        return creating;
    }
}
