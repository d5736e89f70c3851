package dev.outpost.desktop.ui.environments;

import dev.outpost.desktop.ui.common.StatusDot;
import dev.outpost.desktop.ui.shell.ScreenView;
import dev.outpost.desktop.ui.state.CheckLabels.Tone;
import dev.outpost.stack.environment.ServiceStatus;
import dev.outpost.stack.secrets.Redaction;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

public final class EnvironmentsView implements ScreenView {
    private final VBox root = new VBox(12);
    private final VBox cards = new VBox(10);
    private final EnvironmentsViewModel vm;

    public EnvironmentsView(EnvironmentsViewModel vm) {
        this.vm = vm;
        root.setId("environments-screen");
        Label title = new Label("Environments");
        title.getStyleClass().add("title-2");
        Label readiness = new Label();
        readiness.setId("environments-readiness");
        readiness.textProperty().bind(vm.readinessProperty());
        readiness.getStyleClass().add("text-muted");
        Button reload = new Button("Refresh");
        reload.setOnAction(e -> vm.refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, readiness, spacer, reload);
        header.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("environments-message");
        message.setWrapText(true);
        message.getStyleClass().add("danger");
        message.textProperty().bind(vm.messageProperty());

        cards.setId("environment-cards");
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setId("environment-cards-scroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        TextArea logs = new TextArea();
        logs.setId("environment-logs");
        logs.setEditable(false);
        logs.getStyleClass().add("monospace");
        logs.setPromptText("Select a service to see its log");
        logs.textProperty().bind(vm.logsProperty());
        Label events = new Label();
        events.setId("environment-events");
        events.setWrapText(true);
        events.getStyleClass().addAll("monospace", "text-muted");
        events.textProperty().bind(vm.eventsProperty());
        events.visibleProperty().bind(vm.eventsProperty().isNotEmpty());
        events.managedProperty().bind(events.visibleProperty());
        VBox logPane = new VBox(6, events, logs);
        VBox.setVgrow(logs, Priority.ALWAYS);
        SplitPane split = new SplitPane(scroll, logPane);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        VBox.setVgrow(split, Priority.ALWAYS);

        root.getChildren().addAll(title, header, message, split);
        vm.cards().addListener((ListChangeListener<EnvironmentCard>) c -> rebuild());
        vm.steps().addListener((MapChangeListener<String, String>) c -> rebuild());
        vm.busy().addListener((MapChangeListener<String, String>) c -> rebuild());
        vm.refresh();
        // Live figures change every sampling round; read them again while this screen is in a window.
        dev.outpost.desktop.ui.common.WhileShowing.every(root, java.time.Duration.ofSeconds(10), vm::refreshFigures);
    }

    private void rebuild() {
        cards.getChildren().setAll(vm.cards().stream().map(this::card).toList());
    }

    private Node card(EnvironmentCard c) {
        boolean running = c.state().equals("running") || c.state().equals("partial");
        String busy = vm.busy().get(c.name());
        StatusDot dot = new StatusDot(new SimpleObjectProperty<>(busy != null ? Tone.WARN
                : c.state().equals("running") ? Tone.GOOD : c.state().equals("partial") ? Tone.WARN : Tone.NEUTRAL));
        Label name = new Label(c.name());
        name.getStyleClass().add("title-4");
        Label state = new Label(busy != null ? busy : c.state());
        state.setId("env-state-" + c.name());
        state.getStyleClass().add("text-muted");
        // On a running environment, up reconciles: it applies profile changes and leaves the rest alone.
        Button start = new Button(running ? "Apply profile" : "Start");
        start.setId("env-start-" + c.name());
        start.getStyleClass().add("accent");
        start.setDisable(busy != null);
        start.setOnAction(e -> vm.start(c.name()));
        Button stop = new Button("Stop");
        stop.setId("env-stop-" + c.name());
        stop.setDisable(busy != null || !running);
        stop.setOnAction(e -> vm.stop(c.name()));
        Button cancel = new Button("Cancel");
        cancel.setId("env-cancel-" + c.name());
        cancel.setVisible(busy != null && busy.startsWith("Starting"));
        cancel.setManaged(cancel.isVisible());
        cancel.setOnAction(e -> vm.cancel(c.name()));
        Button repair = new Button("Repair");
        repair.setId("env-repair-" + c.name());
        repair.setTooltip(new javafx.scene.control.Tooltip(
                "Start the cluster's stopped nodes, or create a lost cluster again, then apply the profile"));
        repair.setVisible(busy == null && c.needsRepair());
        repair.setManaged(repair.isVisible());
        repair.setOnAction(e -> vm.repair(c.name()));
        Button remove = new Button("Remove…");
        remove.setDisable(busy != null || c.state().equals("absent"));
        remove.setOnAction(e -> confirmRemove(c.name()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, dot, name, state, spacer, cancel, repair, start, stop, remove);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, top);
        if (c.description() != null) {
            Label d = new Label(c.description());
            d.getStyleClass().add("text-muted");
            d.setWrapText(true);
            box.getChildren().add(d);
        }
        if (!c.clusterLine().isEmpty()) {
            Label cluster = new Label(c.clusterLine());
            cluster.setId("env-cluster-" + c.name());
            cluster.getStyleClass().add("text-muted");
            box.getChildren().add(cluster);
        }
        box.getChildren().addAll(figure(c.name(), "live", EnvironmentsViewModel.CardFigures::live),
                figure(c.name(), "today", EnvironmentsViewModel.CardFigures::today),
                figure(c.name(), "saving", EnvironmentsViewModel.CardFigures::saving));
        box.getChildren().add(services(c));
        box.setId("env-card-" + c.name());
        box.getStyleClass().add("check-card");
        box.setPadding(new Insets(12, 14, 12, 14));
        return box;
    }

    /** One cost and carbon line, bound to the view model's figures so it changes without rebuilding the card. */
    private Label figure(String env, String which,
                         java.util.function.Function<EnvironmentsViewModel.CardFigures, String> line) {
        Label l = new Label();
        l.setId("env-" + which + "-" + env);
        l.getStyleClass().addAll("text-muted", "cost-line");
        l.setWrapText(true);
        l.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> java.util.Optional.ofNullable(vm.figures().get(env)).map(line).orElse(""), vm.figures()));
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private Node services(EnvironmentCard c) {
        GridPane g = new GridPane();
        g.setHgap(14);
        g.setVgap(4);
        int row = 0;
        java.util.Set<String> shown = new java.util.HashSet<>();
        for (ServiceStatus s : c.services()) {
            shown.add(s.name());
            Label n = new Label(s.name());
            n.setId("svc-" + c.name() + "-" + s.name());
            n.setOnMouseClicked(e -> vm.showLogs(c.name(), s.name()));
            n.getStyleClass().add("check-title");
            n.setMinWidth(Region.USE_PREF_SIZE);
            String step = vm.steps().get(c.name() + "/" + s.name());
            Label st = new Label(step != null ? step : s.state());
            st.setId("svc-state-" + c.name() + "-" + s.name());
            st.setMinWidth(Region.USE_PREF_SIZE);
            Label ports = new Label(String.join(", ", s.ports()));
            ports.getStyleClass().add("monospace");
            g.addRow(row++, n, st, ports);
            for (var conn : c.connections().getOrDefault(s.name(), java.util.Map.of()).entrySet()) {
                // Shown with credentials masked; the copy button puts the real value on the clipboard.
                Label text = new Label(conn.getKey() + ": " + Redaction.redact(conn.getValue()));
                text.getStyleClass().add("text-muted");
                Button copy = new Button("Copy");
                copy.getStyleClass().add("small");
                copy.setOnAction(e -> {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(conn.getValue());
                    javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
                });
                g.addRow(row++, new Label(), text, copy);
            }
        }
        // Services an action is working on that the engine does not list yet (first start).
        for (var e : vm.steps().entrySet()) {
            if (e.getKey().startsWith(c.name() + "/")) {
                String svc = e.getKey().substring(c.name().length() + 1);
                if (!svc.isEmpty() && shown.add(svc)) {
                    Label st = new Label(e.getValue());
                    st.setId("svc-state-" + c.name() + "-" + svc);
                    g.addRow(row++, new Label(svc), st);
                }
            }
        }
        return g;
    }

    private void confirmRemove(String name) {
        CheckBox purge = new CheckBox("Also delete its data (volumes; for a cluster, the whole cluster). This cannot be undone.");
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.setTitle("Remove " + name);
        a.setHeaderText("Remove the environment " + name + "?");
        a.getDialogPane().setContent(new VBox(8, new Label("Its containers and network are removed (in a cluster: its workloads,"
                + " and the cluster is stopped)."), purge));
        a.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.remove(name, purge.isSelected()));
    }

    @Override
    public Node root() {
        return root;
    }
}
