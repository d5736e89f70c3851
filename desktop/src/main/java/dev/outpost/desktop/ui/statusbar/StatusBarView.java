package dev.outpost.desktop.ui.statusbar;

import dev.outpost.desktop.ui.common.StatusDot;
import dev.outpost.desktop.ui.state.CheckLabels.Tone;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;

public final class StatusBarView {
    private final HBox root = new HBox(14);

    public StatusBarView(StatusBarViewModel vm) {
        root.getStyleClass().add("status-bar");
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(5, 14, 5, 14));
        root.getChildren().addAll(
                cell("status-engine", "Engine", vm.engineProperty(), vm.engineToneProperty()),
                new Separator(Orientation.VERTICAL),
                cell("status-cluster", "Cluster", vm.clusterProperty(), new SimpleObjectProperty<>(Tone.NEUTRAL)),
                new Separator(Orientation.VERTICAL),
                cell("status-gpu", "GPU", vm.gpuProperty(), vm.gpuToneProperty()),
                new Separator(Orientation.VERTICAL),
                cell("status-inference", "Inference", vm.inferenceProperty(), new SimpleObjectProperty<>(Tone.NEUTRAL)));
    }

    private static Node cell(String id, String name, ObservableStringValue text, ObservableValue<Tone> tone) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(javafx.beans.binding.Bindings.concat(name, ": ", text));
        HBox box = new HBox(6, new StatusDot(tone), label);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    public HBox root() {
        return root;
    }
}
