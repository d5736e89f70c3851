package dev.outpost.desktop.ui.diagnostics;

import dev.outpost.desktop.ui.common.StatusDot;
import dev.outpost.desktop.ui.shell.ScreenView;
import dev.outpost.desktop.ui.state.CheckLabels;
import dev.outpost.stack.doctor.Check;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One card per check: a coloured mark, what was found, the measured facts and how to fix it. */
public final class DiagnosticsView implements ScreenView {
    private final VBox root = new VBox(12);
    private final VBox list = new VBox(8);

    public DiagnosticsView(DiagnosticsViewModel vm) {
        root.setId("diagnostics-screen");
        Label title = new Label("Diagnostics");
        title.getStyleClass().add("title-2");

        Label headline = new Label();
        headline.setId("diagnostics-headline");
        headline.textProperty().bind(vm.headlineProperty());
        headline.getStyleClass().add("title-4");
        Label checkedAt = new Label();
        checkedAt.textProperty().bind(vm.checkedAtProperty());
        checkedAt.getStyleClass().add("text-muted");
        Label error = new Label();
        error.textProperty().bind(vm.errorProperty());
        error.getStyleClass().add("danger");
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.diagnosingProperty());
        Button refresh = new Button("Run checks again");
        refresh.setId("diagnostics-refresh");
        refresh.disableProperty().bind(vm.diagnosingProperty());
        refresh.setOnAction(e -> vm.refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, new VBox(2, headline, checkedAt), spacer, busy, refresh);
        header.setAlignment(Pos.CENTER_LEFT);

        list.setId("diagnostics-checks");
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        root.getChildren().addAll(title, header, error, scroll);
        vm.checks().addListener((ListChangeListener<Check>) c -> rebuild(vm));
        rebuild(vm);
    }

    private void rebuild(DiagnosticsViewModel vm) {
        list.getChildren().setAll(vm.checks().stream().map(DiagnosticsView::card).toList());
    }

    private static Node card(Check c) {
        StatusDot dot = new StatusDot(new SimpleObjectProperty<>(CheckLabels.tone(c.status())));
        Label title = new Label(c.title());
        title.getStyleClass().add("check-title");
        Label status = new Label(c.status().name() + (c.required() ? " · required" : ""));
        status.getStyleClass().addAll("check-status", CheckLabels.tone(c.status()).styleClass());
        Label summary = new Label(c.summary());
        summary.setId("check-summary-" + c.id());
        summary.setWrapText(true);
        HBox top = new HBox(8, dot, title, status);
        top.setAlignment(Pos.CENTER_LEFT);

        VBox card = new VBox(6, top, summary);
        card.setId("check-" + c.id());
        card.getStyleClass().add("check-card");
        card.setPadding(new Insets(10, 14, 10, 14));
        if (!c.facts().isEmpty()) {
            card.getChildren().add(facts(c.facts()));
        }
        c.fixHint().ifPresent(fix -> {
            Label hint = new Label("How to fix: " + fix);
            hint.setId("check-fix-" + c.id());
            hint.setWrapText(true);
            hint.getStyleClass().add("fix-hint");
            card.getChildren().add(hint);
        });
        return card;
    }

    private static GridPane facts(Map<String, String> facts) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(2);
        int row = 0;
        for (var e : facts.entrySet()) {
            Label k = new Label(e.getKey());
            k.getStyleClass().add("text-muted");
            Label v = new Label(e.getValue());
            v.setWrapText(true);
            grid.addRow(row++, k, v);
        }
        return grid;
    }

    @Override
    public Node root() {
        return root;
    }
}
