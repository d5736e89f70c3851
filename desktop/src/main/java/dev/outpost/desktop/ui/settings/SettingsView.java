package dev.outpost.desktop.ui.settings;

import dev.outpost.desktop.ui.shell.ScreenView;
import dev.outpost.profiles.Runtime;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

public final class SettingsView implements ScreenView {
    private final VBox root = new VBox(14);

    public SettingsView(SettingsViewModel vm, PlatformSettingsViewModel platform, CostSettingsViewModel cost) {
        root.setId("settings-screen");
        Label title = new Label("Settings");
        title.getStyleClass().add("title-2");

        ComboBox<Runtime> runtime = new ComboBox<>(FXCollections.observableArrayList(Runtime.values()));
        runtime.setId("settings-runtime");
        runtime.valueProperty().bindBidirectional(vm.defaultRuntimeProperty());
        runtime.setConverter(new StringConverter<>() {
            @Override
            public String toString(Runtime r) {
                return r == null ? "" : switch (r) {
                    case DOCKER -> "Containers (Docker Engine or Podman)";
                    case KIND -> "kind cluster";
                    case K3D -> "k3d cluster";
                };
            }

            @Override
            public Runtime fromString(String s) {
                return null;
            }
        });
        ComboBox<String> theme = new ComboBox<>(FXCollections.observableArrayList("system", "light", "dark"));
        theme.setId("settings-theme");
        theme.valueProperty().bindBidirectional(vm.themeProperty());
        TextField mirror = new TextField();
        mirror.setId("settings-mirror");
        mirror.setPromptText("registry.company.internal:5000 (empty: pull from the images' own registries)");
        mirror.textProperty().bindBidirectional(vm.registryMirrorProperty());
        Button save = new Button("Save");
        save.setId("settings-save");
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.setOnAction(e -> vm.save());
        Label message = new Label();
        message.setId("settings-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        GridPane form = grid();
        form.addRow(0, new Label("Default runtime"), runtime);
        form.addRow(1, new Label("Theme"), theme);
        form.addRow(2, new Label("Registry mirror"), mirror);

        Label whereTitle = new Label("Where Outpost keeps its files");
        whereTitle.getStyleClass().add("title-4");
        GridPane where = grid();
        int row = 0;
        for (var e : vm.locations().entrySet()) {
            Label value = new Label(e.getValue());
            value.getStyleClass().add("monospace");
            where.addRow(row++, new Label(e.getKey()), value);
        }
        Label perms = new Label("These folders are readable by you alone: they hold kubeconfigs and generated secrets.");
        perms.getStyleClass().add("text-muted");

        root.getChildren().addAll(title, form, new VBox(8, save, message), costForm(cost), platformForm(platform),
                whereTitle, where, perms);
        root.setPadding(new Insets(0));
    }

    private static Node platformForm(PlatformSettingsViewModel vm) {
        Label heading = new Label("Platform repository");
        heading.getStyleClass().add("title-4");
        TextField url = new TextField();
        url.setId("platform-url");
        url.setPromptText("https://git.company.internal/platform/idp.git, git@host:path, or a local path");
        url.textProperty().bindBidirectional(vm.urlProperty());
        TextField branch = new TextField();
        branch.textProperty().bindBidirectional(vm.branchProperty());
        TextField user = new TextField();
        user.setId("platform-user");
        user.textProperty().bindBidirectional(vm.userProperty());
        javafx.scene.control.PasswordField token = new javafx.scene.control.PasswordField();
        token.setId("platform-token");
        token.setPromptText("access token (kept in the OS keychain)");
        token.textProperty().bindBidirectional(vm.tokenProperty());
        Button save = new Button("Save platform");
        save.setId("platform-save");
        save.setOnAction(e -> vm.save());
        Label message = new Label();
        message.setId("platform-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        GridPane g = grid();
        g.addRow(0, new Label("URL"), url);
        g.addRow(1, new Label("Branch"), branch);
        g.addRow(2, new Label("Your name"), user);
        g.addRow(3, new Label("Token"), token);
        return new VBox(10, heading, g, save, message);
    }

    private static Node costForm(CostSettingsViewModel vm) {
        Label heading = new Label("Idle policy, cost and carbon");
        heading.getStyleClass().add("title-4");
        javafx.scene.control.CheckBox enabled = new javafx.scene.control.CheckBox(
                "Stop idle environments (stop, never remove: their data stays)");
        enabled.setId("idle-enabled");
        enabled.selectedProperty().bindBidirectional(vm.idleEnabledProperty());
        TextField stopAfter = text("idle-stop-after", "30m, 2h, or never", vm.stopAfterProperty());
        stopAfter.disableProperty().bind(enabled.selectedProperty().not());
        TextField threshold = text("idle-cpu-threshold", "5", vm.cpuThresholdProperty());
        TextField keepAlive = text("idle-model-keep-alive", "5m", vm.modelKeepAliveProperty());
        TextField release = text("idle-release-remote", "15m", vm.releaseRemoteAfterProperty());
        TextField warn = text("idle-warn-before", "1m", vm.warnBeforeProperty());
        ComboBox<String> zone = new ComboBox<>(vm.zones());
        zone.setId("cost-zone");
        zone.setEditable(true);
        zone.setPromptText("e.g. DE (empty: the platform's figure or the world average)");
        zone.setMaxWidth(Double.MAX_VALUE);
        zone.valueProperty().bindBidirectional(vm.laptopZoneProperty());
        TextField price = text("cost-electricity", "empty: the platform's price", vm.electricityPerKwhProperty());
        javafx.scene.control.CheckBox live = new javafx.scene.control.CheckBox(
                "Use the live grid intensity from Electricity Maps when a key is stored");
        live.setId("cost-live-intensity");
        live.selectedProperty().bindBidirectional(vm.liveIntensityProperty());
        javafx.scene.control.PasswordField key = new javafx.scene.control.PasswordField();
        key.setId("cost-electricitymaps-key");
        key.setPromptText("Electricity Maps API key (kept in the token store, never shown again)");
        key.textProperty().bindBidirectional(vm.apiKeyProperty());
        Label keyStatus = new Label();
        keyStatus.setId("cost-key-status");
        keyStatus.getStyleClass().add("text-muted");
        keyStatus.textProperty().bind(vm.keyStatusProperty());
        Button forget = new Button("Remove key");
        forget.setId("cost-forget-key");
        forget.getStyleClass().add("small");
        forget.setOnAction(e -> vm.forgetKey());
        Button save = new Button("Save idle & cost");
        save.setId("cost-settings-save");
        save.setOnAction(e -> vm.save());
        Label message = new Label();
        message.setId("cost-settings-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        GridPane g = grid();
        int row = 0;
        g.add(enabled, 0, row++, 2, 1);
        g.addRow(row++, new Label("Stop after"), stopAfter);
        g.addRow(row++, new Label("CPU threshold (%)"), threshold);
        g.addRow(row++, new Label("Warn before"), warn);
        g.addRow(row++, new Label("Model keep-alive"), keepAlive);
        g.addRow(row++, new Label("Release GPU after"), release);
        g.addRow(row++, new Label("Laptop grid zone"), zone);
        g.addRow(row++, new Label("Electricity / kWh"), price);
        g.add(live, 0, row++, 2, 1);
        g.addRow(row++, new Label("Electricity Maps"), key);
        g.addRow(row, new Label(), new javafx.scene.layout.HBox(8, keyStatus, forget));
        Label hint = new Label("Idle means no client connection and CPU at or below the threshold. A profile's"
                + " spec.idle overrides these. Before a stop the window shows a notification with \"Keep running\".");
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        return new VBox(10, heading, hint, g, save, message);
    }

    private static TextField text(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.textProperty().bindBidirectional(value);
        return t;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(16);
        g.setVgap(10);
        ColumnConstraints label = new ColumnConstraints(140);
        ColumnConstraints field = new ColumnConstraints();
        field.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(label, field);
        return g;
    }

    @Override
    public Node root() {
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }
}
