package dev.outpost.desktop.ui.common;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The titled card and muted hint the screens are laid out with, so they look alike everywhere. */
public final class Cards {
    private Cards() {
    }

    public static VBox card(String heading, Node... content) {
        Label h = new Label(heading);
        h.getStyleClass().add("check-title");
        VBox box = new VBox(6, h);
        box.getChildren().addAll(content);
        box.getStyleClass().add("check-card");
        box.setPadding(new Insets(10, 14, 10, 14));
        return box;
    }

    public static Label hint(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("text-muted");
        return l;
    }
}
