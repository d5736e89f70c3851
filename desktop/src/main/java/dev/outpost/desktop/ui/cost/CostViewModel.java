package dev.outpost.desktop.ui.cost;

import dev.outpost.desktop.ui.UiExecutor;
import dev.outpost.stack.cost.CostReport;
import dev.outpost.stack.cost.LiveFigures;
import dev.outpost.stack.cost.store.DailyUsage;
import dev.outpost.stack.cost.store.IdleStop;
import dev.outpost.stack.cost.store.UsageTotal;
import dev.outpost.stack.secrets.Redaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * The Cost & carbon screen: per subject and day over the chosen range (chart), totals per subject with what runs
 * now, what idle stops saved, and which grid intensity the laptop's figures use. The report reads SQLite, so it
 * runs on the executor; changing the metric only redraws from the report already read.
 */
public final class CostViewModel {
    /** How far back the screen looks: days up to and including today. */
    public enum Range {
        TODAY("Today", 1),
        WEEK("7 days", 7),
        MONTH("30 days", 30);

        private final String label;
        private final int days;

        Range(String label, int days) {
            this.label = label;
            this.days = days;
        }

        public String label() {
            return label;
        }

        public int days() {
            return days;
        }
    }

    /** What the chart stacks. */
    public enum Metric {
        COST("Cost"),
        GRAMS("gCO2e"),
        KWH("kWh");

        private final String label;

        Metric(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One subject's line in the totals table, formatted. */
    public record TotalRow(String subject, String kind, String running, String kwh, String grams, String cost,
                           String averageWatts, String now) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private final Meter meter;
    private final UiExecutor executor;
    private final ObjectProperty<Range> range = new SimpleObjectProperty<>(Range.WEEK);
    private final ObjectProperty<Metric> metric = new SimpleObjectProperty<>(Metric.COST);
    private final ObservableList<String> days = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<String, Number>> series = FXCollections.observableArrayList();
    private final ObservableList<TotalRow> totals = FXCollections.observableArrayList();
    private final ObservableList<String> idleStops = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper saved = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper intensity = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper axisLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private Loaded last;

    private record Loaded(CostReport report, List<LocalDate> days, Instant now, ZoneId zone) {
    }

    public CostViewModel(Meter meter, UiExecutor executor) {
        this.meter = meter;
        this.executor = executor;
        range.addListener((o, was, now) -> refresh());
        metric.addListener((o, was, now) -> {
            if (last != null) {
                chart(last);
            }
        });
    }

    public void refresh() {
        Range r = range.get();
        loading.set(true);
        executor.run(() -> {
            ZoneId zone = meter.zone();
            Instant now = meter.service().clock().instant();
            LocalDate today = LocalDate.ofInstant(now, zone);
            LocalDate first = today.minusDays(r.days() - 1L);
            List<LiveFigures> running = List.copyOf(meter.live().values());
            CostReport report = meter.service().report(Optional.empty(), first.atStartOfDay(zone).toInstant(), zone,
                    running);
            return new Loaded(report, first.datesUntil(today.plusDays(1)).toList(), now, zone);
        }, loaded -> {
            loading.set(false);
            message.set("");
            show(loaded);
        }, e -> {
            loading.set(false);
            message.set("Could not read the usage history: "
                    + Redaction.redact(e.getMessage() == null ? e.toString() : e.getMessage()));
        });
    }

    private void show(Loaded l) {
        last = l;
        CostReport r = l.report();
        String currency = r.currency();
        chart(l);
        Map<String, LiveFigures> live = new LinkedHashMap<>();
        r.running().forEach(f -> live.put(f.subject(), f));
        List<TotalRow> rows = new ArrayList<>();
        for (UsageTotal t : r.totals()) {
            LiveFigures f = live.remove(t.subject());
            rows.add(new TotalRow(t.subject(), kind(t.kind()), CostFormat.duration(t.running()), CostFormat.kwh(t.kwh()),
                    CostFormat.grams(t.grams()), CostFormat.money(t.cost(), t.currency()),
                    CostFormat.watts(t.averageWatts()), f == null ? "" : CostFormat.perHour(f.rate())));
        }
        // Running now but nothing recorded yet in the range (the first round only sets a baseline).
        for (LiveFigures f : live.values()) {
            rows.add(new TotalRow(f.subject(), kind(f.kind()), CostFormat.duration(Duration.ZERO), CostFormat.kwh(0),
                    CostFormat.grams(0), CostFormat.money(0, currency), CostFormat.watts(f.rate().watts()),
                    CostFormat.perHour(f.rate())));
        }
        totals.setAll(rows);
        double costPerHour = r.running().stream().mapToDouble(f -> f.rate().costPerHour()).sum();
        double gramsPerHour = r.running().stream().mapToDouble(f -> f.rate().gramsPerHour()).sum();
        headline.set(range.get().label() + ": " + CostFormat.money(r.totalCost(), currency) + " · "
                + CostFormat.grams(r.totalGrams()) + " · " + CostFormat.kwh(r.totalKwh())
                + (r.running().isEmpty() ? " · nothing metered runs now"
                : " · now " + CostFormat.money(costPerHour, currency) + "/h and " + CostFormat.grams(gramsPerHour) + "/h"));
        saved.set("Saved by idle stops: " + CostFormat.money(r.savedCost(), currency) + " and "
                + CostFormat.grams(r.savedGrams()) + (r.idleStops().isEmpty() ? " (no idle stop in this range)"
                : " (" + r.idleStops().size() + (r.idleStops().size() == 1 ? " stop)" : " stops)")));
        idleStops.setAll(r.idleStops().stream().map(s -> stopLine(s, l.now(), l.zone())).toList());
        intensity.set(CostFormat.intensity(r.intensity(), l.now(), l.zone()));
    }

    /** One series per subject, one category per day of the range (days without usage count zero). */
    private void chart(Loaded l) {
        Metric m = metric.get();
        days.setAll(l.days().stream().map(DAY::format).toList());
        Map<String, Map<LocalDate, Double>> bySubject = new TreeMap<>();
        for (DailyUsage d : l.report().daily()) {
            bySubject.computeIfAbsent(d.subject(), k -> new TreeMap<>()).merge(d.day(), value(d, m), Double::sum);
        }
        List<XYChart.Series<String, Number>> out = new ArrayList<>();
        bySubject.forEach((subject, perDay) -> {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(subject);
            for (LocalDate day : l.days()) {
                s.getData().add(new XYChart.Data<>(DAY.format(day), perDay.getOrDefault(day, 0.0)));
            }
            out.add(s);
        });
        series.setAll(out);
        axisLabel.set(switch (m) {
            case COST -> "Cost (" + l.report().currency() + ")";
            case GRAMS -> "gCO2e";
            case KWH -> "kWh";
        });
    }

    private static double value(DailyUsage d, Metric m) {
        return switch (m) {
            case COST -> d.cost();
            case GRAMS -> d.grams();
            case KWH -> d.kwh();
        };
    }

    private static String stopLine(IdleStop s, Instant now, ZoneId zone) {
        String what = s.kind() == dev.outpost.stack.cost.store.UsageKind.REMOTE_GPU ? "released" : "stopped";
        String idle = CostFormat.duration(Duration.between(s.idleSince(), s.stoppedAt()));
        return s.subject() + " · " + what + " " + CostFormat.time(s.stoppedAt(), now, zone) + " after " + idle
                + " idle · " + (s.resumedAt().isPresent()
                ? "ran again at " + CostFormat.time(s.resumedAt().get(), now, zone)
                : "still stopped") + " · saved " + CostFormat.money(s.savedCost(now), s.currency()) + " and "
                + CostFormat.grams(s.savedGrams(now)) + " over " + CostFormat.duration(s.stoppedFor(now));
    }

    private static String kind(dev.outpost.stack.cost.store.UsageKind k) {
        return switch (k) {
            case ENVIRONMENT -> "environment";
            case LOCAL_GPU -> "local GPU";
            case REMOTE_GPU -> "remote GPU";
        };
    }

    public ObjectProperty<Range> rangeProperty() {
        return range;
    }

    public ObjectProperty<Metric> metricProperty() {
        return metric;
    }

    /** The chart's categories, in order. */
    public ObservableList<String> days() {
        return days;
    }

    public ObservableList<XYChart.Series<String, Number>> series() {
        return series;
    }

    public ObservableList<TotalRow> totals() {
        return totals;
    }

    public ObservableList<String> idleStops() {
        return idleStops;
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty intensityProperty() {
        return intensity.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty axisLabelProperty() {
        return axisLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
