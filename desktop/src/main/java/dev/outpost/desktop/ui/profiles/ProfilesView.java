package dev.outpost.desktop.ui.profiles;

import dev.outpost.desktop.ui.common.StatusDot;
import dev.outpost.desktop.ui.shell.ScreenView;
import dev.outpost.desktop.ui.state.CheckLabels.Tone;
import dev.outpost.profiles.Runtime;
import dev.outpost.stack.catalog.CatalogSnapshot.ProfileEntry;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

public final class ProfilesView implements ScreenView {
    private final VBox root = new VBox(12);

    public ProfilesView(ProfilesViewModel vm, SyncViewModel sync) {
        root.setId("profiles-screen");
        Label title = new Label("Profiles");
        title.getStyleClass().add("title-2");
        Label status = new Label();
        status.setId("profiles-status");
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add("text-muted");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.loadingProperty());
        Button reload = new Button("Reload");
        reload.setId("profiles-reload");
        reload.setOnAction(e -> vm.refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, status, spacer, busy, reload);
        header.setAlignment(Pos.CENTER_LEFT);

        ListView<ProfileEntry> list = new ListView<>(vm.profiles());
        list.setId("profiles-list");
        list.setCellFactory(lv -> new EntryCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> {
            if (n != null) {
                vm.selectedProperty().set(n);
            }
        });
        vm.selectedProperty().addListener((obs, o, n) -> list.getSelectionModel().select(n));
        TextArea details = new TextArea();
        details.setId("profiles-details");
        details.setEditable(false);
        details.setWrapText(true);
        details.textProperty().bind(vm.detailsProperty());
        SplitPane split = new SplitPane(list, details);
        split.setDividerPositions(0.38);
        VBox.setVgrow(split, Priority.ALWAYS);

        root.getChildren().addAll(title, header, syncBar(sync), conflicts(sync), split, newProfileForm(vm));
        vm.refresh();
        sync.refreshStatus();
    }

    private static Node syncBar(SyncViewModel sync) {
        Label platform = new Label();
        platform.setId("sync-platform");
        platform.setWrapText(true);
        platform.textProperty().bind(sync.platformStatusProperty());
        Button syncButton = new Button("Sync");
        syncButton.setId("sync-button");
        syncButton.getStyleClass().add("accent");
        syncButton.disableProperty().bind(sync.busyProperty().or(sync.configuredProperty().not()));
        syncButton.setOnAction(e -> sync.sync());
        Button push = new Button("Push my profiles");
        push.setId("push-button");
        push.disableProperty().bind(sync.busyProperty().or(sync.configuredProperty().not()));
        push.setOnAction(e -> sync.push());
        Button cancel = new Button("Cancel");
        cancel.setId("sync-cancel");
        cancel.visibleProperty().bind(sync.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> sync.cancel());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(sync.progressProperty());
        bar.visibleProperty().bind(sync.busyProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label step = new Label();
        step.textProperty().bind(sync.progressTextProperty());
        step.getStyleClass().add("text-muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(10, platform, spacer, bar, step, cancel, syncButton, push);
        row.setAlignment(Pos.CENTER_LEFT);
        Label result = new Label();
        result.setId("sync-result");
        result.setWrapText(true);
        result.textProperty().bind(sync.resultProperty());
        result.visibleProperty().bind(sync.resultProperty().isNotEmpty());
        result.managedProperty().bind(result.visibleProperty());
        return new VBox(6, row, result);
    }

    private static Node conflicts(SyncViewModel sync) {
        VBox box = new VBox(8);
        box.setId("sync-conflicts");
        Runnable rebuild = () -> box.getChildren().setAll(sync.conflicts().stream().map(f -> {
            Label path = new Label(f.path() + " changed here and upstream");
            path.getStyleClass().add("check-title");
            TextArea mine = new TextArea(f.mine().orElse("(deleted here)"));
            TextArea theirs = new TextArea(f.theirs().orElse("(deleted upstream)"));
            for (TextArea t : new TextArea[] {mine, theirs}) {
                t.setEditable(false);
                t.setPrefRowCount(6);
            }
            Button keep = new Button("Keep mine");
            keep.setOnAction(e -> sync.resolve(f, dev.outpost.profiles.sync.Choice.MINE));
            Button take = new Button("Take upstream's");
            take.setOnAction(e -> sync.resolve(f, dev.outpost.profiles.sync.Choice.THEIRS));
            HBox versions = new HBox(10, new VBox(4, new Label("Yours"), mine, keep),
                    new VBox(4, new Label("Upstream"), theirs, take));
            HBox.setHgrow(versions.getChildren().get(0), Priority.ALWAYS);
            HBox.setHgrow(versions.getChildren().get(1), Priority.ALWAYS);
            VBox card = new VBox(6, path, versions);
            card.getStyleClass().add("check-card");
            card.setPadding(new Insets(10));
            return (Node) card;
        }).toList());
        sync.conflicts().addListener((ListChangeListener<dev.outpost.profiles.sync.ConflictedFile>) c -> rebuild.run());
        return box;
    }

    private static Node newProfileForm(ProfilesViewModel vm) {
        TextField name = new TextField();
        name.setId("new-profile-name");
        name.setPromptText("name, e.g. my-prototype");
        name.textProperty().bindBidirectional(vm.newNameProperty());
        ComboBox<Runtime> runtime = new ComboBox<>(FXCollections.observableArrayList(Runtime.values()));
        runtime.valueProperty().bindBidirectional(vm.newRuntimeProperty());
        FlowPane picks = new FlowPane(10, 6);
        picks.setId("new-profile-services");
        Runnable rebuild = () -> picks.getChildren().setAll(vm.catalogServices().stream().map(s -> {
            CheckBox c = new CheckBox(s);
            c.setId("pick-" + s);
            c.setSelected(vm.newServices().contains(s));
            c.selectedProperty().addListener((obs, o, on) -> {
                if (on && !vm.newServices().contains(s)) {
                    vm.newServices().add(s);
                } else if (!on) {
                    vm.newServices().remove(s);
                }
            });
            return c;
        }).toList());
        vm.catalogServices().addListener((ListChangeListener<String>) c -> rebuild.run());
        vm.newServices().addListener((ListChangeListener<String>) c -> picks.getChildren().forEach(n ->
                ((CheckBox) n).setSelected(vm.newServices().contains(((CheckBox) n).getText()))));
        rebuild.run();
        Button create = new Button("Create profile");
        create.setId("new-profile-create");
        create.getStyleClass().add("accent");
        create.disableProperty().bind(vm.creatingProperty());
        create.setOnAction(e -> vm.create());
        Label message = new Label();
        message.setId("new-profile-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.newMessageProperty());
        HBox row = new HBox(10, name, runtime, create);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, row, new Label("Services from the catalog:"), picks, message);
        box.setPadding(new Insets(8));
        TitledPane pane = new TitledPane("New profile", box);
        pane.setId("new-profile");
        pane.setExpanded(false);
        return pane;
    }

    private static final class EntryCell extends ListCell<ProfileEntry> {
        @Override
        protected void updateItem(ProfileEntry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            StatusDot dot = new StatusDot(new SimpleObjectProperty<>(e.valid() ? Tone.GOOD : Tone.BAD));
            Label name = new Label(e.name());
            Label origin = new Label(e.origin().id() + (e.valid() ? "" : " · " + e.problems().size() + " problem(s)"));
            origin.getStyleClass().add("text-muted");
            HBox box = new HBox(8, dot, name, origin);
            box.setAlignment(Pos.CENTER_LEFT);
            setId("profile-" + e.name());
            setGraphic(box);
            setText(null);
        }
    }

    @Override
    public Node root() {
        return root;
    }
}
