package dev.outpost.desktop.ui.environments;

import dev.outpost.desktop.ui.common.ComingSoon;
import dev.outpost.desktop.ui.shell.ScreenView;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

public final class EnvironmentsView implements ScreenView {
    private final VBox root = new VBox(14);

    public EnvironmentsView(EnvironmentsViewModel vm) {
        root.setId("environments-screen");
        Label title = new Label("Environments");
        title.getStyleClass().add("title-2");
        Label readiness = new Label();
        readiness.setId("environments-readiness");
        readiness.textProperty().bind(vm.readinessProperty());
        readiness.setWrapText(true);
        root.getChildren().addAll(title, readiness, new ComingSoon("Coming to this screen", vm.upcoming()));
    }

    @Override
    public Node root() {
        return root;
    }
}
