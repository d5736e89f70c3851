package dev.outpost.desktop.ui.models;

import dev.outpost.desktop.ui.common.ComingSoon;
import dev.outpost.desktop.ui.common.StatusDot;
import dev.outpost.desktop.ui.shell.ScreenView;
import dev.outpost.desktop.ui.state.CheckLabels;
import dev.outpost.desktop.ui.state.CheckLabels.Tone;
import dev.outpost.stack.doctor.Check;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

public final class ModelsView implements ScreenView {
    private final VBox root = new VBox(14);

    public ModelsView(ModelsViewModel vm) {
        root.setId("models-screen");
        Label title = new Label("Models & GPU");
        title.getStyleClass().add("title-2");
        root.getChildren().addAll(title,
                panel("models-gpu", "GPU", vm.gpuProperty()),
                panel("models-ollama", "Ollama", vm.ollamaProperty()),
                new ComingSoon("Coming to this screen", vm.upcoming()));
    }

    private static Node panel(String id, String name, ReadOnlyObjectProperty<Check> check) {
        Label heading = new Label(name);
        heading.getStyleClass().add("check-title");
        Label summary = new Label();
        summary.setId(id + "-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(Bindings.createStringBinding(
                () -> check.get() == null ? "Checking…" : check.get().summary(), check));
        StatusDot dot = new StatusDot(Bindings.createObjectBinding(
                () -> check.get() == null ? Tone.NEUTRAL : CheckLabels.tone(check.get().status()), check));
        HBox top = new HBox(8, dot, heading);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, top, summary);
        box.setId(id);
        box.getStyleClass().add("check-card");
        box.setPadding(new Insets(10, 14, 10, 14));
        return box;
    }

    @Override
    public Node root() {
        return root;
    }
}
