package dev.outpost.desktop.ui.profiles;

import dev.outpost.desktop.ui.common.ComingSoon;
import dev.outpost.desktop.ui.shell.ScreenView;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

public final class ProfilesView implements ScreenView {
    private final VBox root = new VBox(14);

    public ProfilesView(ProfilesViewModel vm) {
        root.setId("profiles-screen");
        Label title = new Label("Profiles");
        title.getStyleClass().add("title-2");
        Label intro = new Label(vm.intro());
        intro.setWrapText(true);
        root.getChildren().addAll(title, intro, new ComingSoon("Coming to this screen", vm.upcoming()));
    }

    @Override
    public Node root() {
        return root;
    }
}
