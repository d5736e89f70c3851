package dev.outpost.desktop.ui.common;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** What a screen will offer once its capability lands: stated plainly, with no invented data. */
public final class ComingSoon extends VBox {
    public ComingSoon(String heading, List<String> upcoming) {
        super(6);
        getStyleClass().add("coming-soon");
        setPadding(new Insets(16));
        Label title = new Label(heading);
        title.getStyleClass().add("title-4");
        getChildren().add(title);
        for (String item : upcoming) {
            Label l = new Label("•  " + item);
            l.setWrapText(true);
            l.getStyleClass().add("text-muted");
            getChildren().add(l);
        }
    }
}
