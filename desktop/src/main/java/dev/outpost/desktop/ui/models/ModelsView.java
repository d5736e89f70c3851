package dev.outpost.desktop.ui.models;

import static dev.outpost.desktop.ui.common.Cards.card;
import static dev.outpost.desktop.ui.common.Cards.hint;

import atlantafx.base.controls.ToggleSwitch;
import dev.outpost.desktop.ui.shell.ScreenView;
import dev.outpost.stack.inference.InferenceService;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.SimpleStringProperty;

public final class ModelsView implements ScreenView {
    private final VBox root = new VBox(12);

    public ModelsView(ModelsViewModel vm) {
        root.setId("models-screen");
        Label title = new Label("Models & GPU");
        title.getStyleClass().add("title-2");

        Label gpu = new Label();
        gpu.setId("models-gpu-summary");
        gpu.textProperty().bind(vm.gpuProperty());
        ProgressBar vram = new ProgressBar();
        vram.setId("models-vram");
        vram.progressProperty().bind(vm.vramProperty());
        vram.setPrefWidth(260);
        VBox gpuCard = card("GPU", new HBox(10, vram, gpu));

        ToggleSwitch offload = new ToggleSwitch("Offload to the remote GPU");
        offload.setId("models-offload");
        offload.setSelected(vm.remoteProperty().get());
        vm.remoteProperty().addListener((o, was, now) -> offload.setSelected(now));
        offload.selectedProperty().addListener((o, was, now) -> {
            if (now != vm.remoteProperty().get()) {
                vm.setRemote(now);
            }
        });
        Label target = new Label();
        target.setId("models-target");
        target.setWrapText(true);
        target.getStyleClass().add("text-muted");
        target.textProperty().bind(vm.targetProperty());
        Label rate = new Label();
        rate.setId("models-remote-rate");
        rate.getStyleClass().add("cost-line");
        rate.textProperty().bind(vm.remoteRateProperty());
        rate.visibleProperty().bind(vm.remoteRateProperty().isNotEmpty());
        rate.managedProperty().bind(rate.visibleProperty());
        HBox toggleRow = new HBox(14, offload, rate);
        toggleRow.setAlignment(Pos.CENTER_LEFT);
        Label lease = new Label();
        lease.setId("models-remote-lease");
        lease.setWrapText(true);
        lease.getStyleClass().addAll("text-muted", "cost-line");
        lease.textProperty().bind(vm.remoteLeaseProperty());
        lease.visibleProperty().bind(vm.remoteLeaseProperty().isNotEmpty());
        lease.managedProperty().bind(lease.visibleProperty());
        VBox offloadCard = card("Where models run", toggleRow, target, lease,
                hint("Apps keep one local URL; the next request goes where this points, requests in flight finish where they started."));

        TableView<InferenceService.ModelRow> table = new TableView<>(vm.models());
        table.setId("models-table");
        table.setPrefHeight(160);
        table.getColumns().add(column("Model", r -> r.name()));
        table.getColumns().add(column("Size", r -> String.format("%.1f GB", r.sizeBytes() / 1e9)));
        table.getColumns().add(column("Fits GPU", r -> r.fitsGpu() ? "yes" : "no"));
        table.getColumns().add(column("Loaded", r -> r.loaded() ? "yes" : "no"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TextField pullName = new TextField();
        pullName.setId("models-pull-name");
        pullName.setPromptText("model to pull, e.g. llama3.2:3b");
        Button pull = new Button("Pull");
        pull.setId("models-pull");
        pull.disableProperty().bind(vm.pullingProperty());
        pull.setOnAction(e -> vm.pull(pullName.getText()));
        Button cancel = new Button("Cancel");
        cancel.visibleProperty().bind(vm.pullingProperty());
        cancel.setOnAction(e -> vm.cancelPull());
        Button delete = new Button("Delete…");
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> {
            var row = table.getSelectionModel().getSelectedItem();
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Delete " + row.name() + " from this computer?");
            a.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.delete(row.name()));
        });
        ProgressBar pullBar = new ProgressBar();
        pullBar.progressProperty().bind(vm.pullProgressProperty());
        pullBar.visibleProperty().bind(vm.pullingProperty());
        Label pullStatus = new Label();
        pullStatus.setId("models-pull-status");
        pullStatus.textProperty().bind(vm.pullStatusProperty());
        HBox.setHgrow(pullName, Priority.ALWAYS);
        VBox modelsCard = card("Models on this computer", table, new HBox(8, pullName, pull, cancel, delete),
                new HBox(8, pullBar, pullStatus));

        TextField model = new TextField();
        model.setId("playground-model");
        model.setPromptText("model");
        model.setPrefColumnCount(14);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.setText(now.name());
            }
        });
        TextField prompt = new TextField();
        prompt.setId("playground-prompt");
        prompt.setPromptText("Ask something");
        HBox.setHgrow(prompt, Priority.ALWAYS);
        Button ask = new Button("Ask");
        ask.setId("playground-ask");
        ask.getStyleClass().add("accent");
        ask.setDefaultButton(false);
        ask.setOnAction(e -> vm.ask(model.getText(), prompt.getText()));
        TextArea answer = new TextArea();
        answer.setId("playground-answer");
        answer.setEditable(false);
        answer.setWrapText(true);
        answer.setPrefRowCount(4);
        answer.textProperty().bind(vm.answerProperty());
        Label stats = new Label();
        stats.setId("playground-stats");
        stats.getStyleClass().add("text-muted");
        stats.textProperty().bind(vm.statsProperty());
        VBox playground = card("Playground", new HBox(8, model, prompt, ask), answer, stats);

        Label message = new Label();
        message.setId("models-message");
        message.setWrapText(true);
        message.getStyleClass().add("danger");
        message.textProperty().bind(vm.messageProperty());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, spacer, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(header, message, gpuCard, offloadCard, modelsCard, playground);
        vm.refresh();
        // nvidia-smi runs off the FX thread; the poll only asks while this screen is in a window.
        dev.outpost.desktop.ui.common.WhileShowing.every(root, java.time.Duration.ofSeconds(5), () -> {
            vm.refreshGpu();
            vm.refreshLease();
        });
    }

    private static TableColumn<InferenceService.ModelRow, String> column(String name,
            java.util.function.Function<InferenceService.ModelRow, String> value) {
        TableColumn<InferenceService.ModelRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        return c;
    }

    @Override
    public Node root() {
        return root;
    }
}
