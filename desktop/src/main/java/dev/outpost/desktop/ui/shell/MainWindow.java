package dev.outpost.desktop.ui.shell;

import dev.outpost.desktop.ui.statusbar.StatusBarView;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The shell: navigation on the left, the selected screen in the middle, the status bar below. */
public final class MainWindow {
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final Map<Screen, Supplier<ScreenView>> factories;
    private final Map<Screen, Node> built = new EnumMap<>(Screen.class);

    public MainWindow(MainViewModel model, Map<Screen, Supplier<ScreenView>> factories, StatusBarView statusBar) {
        this.factories = factories;
        root.getStyleClass().add("outpost-root");
        root.setLeft(navigation(model));
        content.getStyleClass().add("screen-content");
        content.setPadding(new Insets(20, 24, 20, 24));
        root.setCenter(content);
        root.setBottom(statusBar.root());
        show(model.selectedProperty().get());
        model.selectedProperty().addListener((obs, old, now) -> show(now));
    }

    public BorderPane root() {
        return root;
    }

    private void show(Screen s) {
        // Screens are built when first visited, so start-up only pays for the first one.
        Node node = built.computeIfAbsent(s, k -> factories.get(k).get().root());
        content.getChildren().setAll(node);
    }

    private VBox navigation(MainViewModel model) {
        Label brand = new Label("Outpost");
        brand.getStyleClass().addAll("brand", "title-3");
        VBox nav = new VBox(4, brand);
        nav.getStyleClass().add("navigation");
        nav.setPadding(new Insets(16, 10, 16, 10));
        nav.setPrefWidth(200);
        ToggleGroup group = new ToggleGroup();
        for (Screen s : Screen.values()) {
            ToggleButton b = new ToggleButton(s.title());
            b.setId(s.navId());
            b.getStyleClass().add("nav-button");
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setSelected(model.selectedProperty().get() == s);
            b.setOnAction(e -> {
                // A toggle group lets the user unselect the current button; keep one always selected.
                b.setSelected(true);
                model.show(s);
            });
            model.selectedProperty().addListener((obs, old, now) -> b.setSelected(now == s));
            nav.getChildren().add(b);
        }
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        nav.getChildren().add(spacer);
        return nav;
    }
}
