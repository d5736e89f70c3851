package dev.outpost.desktop.ui.cost;

import static dev.outpost.desktop.ui.common.Cards.card;
import static dev.outpost.desktop.ui.common.Cards.hint;

import dev.outpost.desktop.ui.shell.ScreenView;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Cost & carbon: the last days as a stacked bar chart, totals per subject, idle-stop savings, the grid used. */
public final class CostView implements ScreenView {
    private final VBox root = new VBox(12);
    private final ScrollPane scroll = new ScrollPane(root);

    public CostView(CostViewModel vm) {
        root.setId("cost-screen");
        Label title = new Label("Cost & carbon");
        title.getStyleClass().add("title-2");
        ComboBox<CostViewModel.Range> range = new ComboBox<>(FXCollections.observableArrayList(CostViewModel.Range.values()));
        range.setId("cost-range");
        range.valueProperty().bindBidirectional(vm.rangeProperty());
        range.setConverter(new StringConverter<>() {
            @Override
            public String toString(CostViewModel.Range r) {
                return r == null ? "" : r.label();
            }

            @Override
            public CostViewModel.Range fromString(String s) {
                return null;
            }
        });
        Button refresh = new Button("Refresh");
        refresh.setId("cost-refresh");
        refresh.disableProperty().bind(vm.loadingProperty());
        refresh.setOnAction(e -> vm.refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, spacer, range, refresh);
        header.setAlignment(Pos.CENTER_LEFT);

        Label headline = label("cost-headline", vm.headlineProperty());
        headline.getStyleClass().add("title-4");
        Label message = label("cost-message", vm.messageProperty());
        message.getStyleClass().add("danger");

        HBox metrics = new HBox(0);
        metrics.getStyleClass().add("cost-metrics");
        ToggleGroup group = new ToggleGroup();
        for (CostViewModel.Metric m : CostViewModel.Metric.values()) {
            ToggleButton b = new ToggleButton(m.label());
            b.setId("cost-metric-" + m.name().toLowerCase());
            b.setToggleGroup(group);
            b.setSelected(vm.metricProperty().get() == m);
            b.setOnAction(e -> {
                b.setSelected(true);
                vm.metricProperty().set(m);
            });
            vm.metricProperty().addListener((o, was, now) -> b.setSelected(now == m));
            metrics.getChildren().add(b);
        }
        CategoryAxis x = new CategoryAxis(vm.days());
        NumberAxis y = new NumberAxis();
        y.labelProperty().bind(vm.axisLabelProperty());
        StackedBarChart<String, Number> chart = new StackedBarChart<>(x, y, vm.series());
        chart.setId("cost-chart");
        // Series are replaced as a whole on each refresh; the animations misplace bars when that happens.
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setPrefHeight(280);
        chart.setMinHeight(220);
        VBox chartCard = card("Per day", metrics, chart);

        TableView<CostViewModel.TotalRow> table = new TableView<>(vm.totals());
        table.setId("cost-totals");
        table.setPrefHeight(190);
        table.getColumns().add(column("Subject", CostViewModel.TotalRow::subject, 130));
        table.getColumns().add(column("Kind", CostViewModel.TotalRow::kind, 100));
        table.getColumns().add(column("Running", CostViewModel.TotalRow::running, 95));
        table.getColumns().add(column("Energy", CostViewModel.TotalRow::kwh, 90));
        table.getColumns().add(column("Emissions", CostViewModel.TotalRow::grams, 95));
        table.getColumns().add(column("Cost", CostViewModel.TotalRow::cost, 75));
        table.getColumns().add(column("Avg power", CostViewModel.TotalRow::averageWatts, 85));
        table.getColumns().add(column("Now", CostViewModel.TotalRow::now, 200));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Nothing metered in this range yet"));
        VBox totalsCard = card("Totals", table);

        Label saved = label("cost-saved", vm.savedProperty());
        ListView<String> stops = new ListView<>(vm.idleStops());
        stops.setId("cost-idle-stops");
        stops.setPrefHeight(110);
        stops.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.idleStops()));
        stops.managedProperty().bind(stops.visibleProperty());
        VBox savedCard = card("Idle stops", saved, stops,
                hint("An idle stop keeps the environment's data: it saves what it cost per hour for as long as it stays stopped."));

        Label intensity = label("cost-intensity", vm.intensityProperty());
        intensity.getStyleClass().add("text-muted");

        root.getChildren().addAll(header, headline, message, chartCard, totalsCard, savedCard, intensity);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        // Read the history each time the screen is shown: the monitor adds to it every round.
        scroll.sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.refresh();
            }
        });
    }

    private static Label label(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(text);
        return l;
    }

    private static TableColumn<CostViewModel.TotalRow, String> column(String name,
            Function<CostViewModel.TotalRow, String> value, double width) {
        TableColumn<CostViewModel.TotalRow, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        return c;
    }

    @Override
    public Node root() {
        return scroll;
    }
}
