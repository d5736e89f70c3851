package dev.outpost.desktop.ui.environments;

import dev.outpost.desktop.ui.UiExecutor;
import dev.outpost.desktop.ui.cost.CostFormat;
import dev.outpost.desktop.ui.cost.Meter;
import dev.outpost.desktop.ui.state.CheckLabels;
import dev.outpost.desktop.ui.state.WorkstationState;
import dev.outpost.profiles.Runtime;
import dev.outpost.profiles.resolve.Plan;
import dev.outpost.profiles.resolve.ResolveOptions;
import dev.outpost.stack.catalog.CatalogService;
import dev.outpost.stack.catalog.CatalogSnapshot;
import dev.outpost.stack.cost.CostReport;
import dev.outpost.stack.cost.CostService;
import dev.outpost.stack.cost.IdleListener;
import dev.outpost.stack.cost.LiveFigures;
import dev.outpost.stack.cost.store.IdleStop;
import dev.outpost.stack.cost.store.UsageKind;
import dev.outpost.stack.cost.store.UsageTotal;
import dev.outpost.stack.environment.EnvironmentService;
import dev.outpost.stack.environment.EnvironmentStatus;
import dev.outpost.stack.environment.UpListener;
import dev.outpost.stack.environment.UpOptions;
import dev.outpost.stack.secrets.Redaction;
import dev.outpost.stack.settings.Settings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * A card per profile that runs on containers, with one-click start and stop, each service's step
 * while it comes up, and the logs of the selected service.
 */
public final class EnvironmentsViewModel {
    private final CatalogService catalog;
    private final WorkstationState state;
    private final EnvironmentService environments;
    private final Supplier<Settings> settings;
    private final UiExecutor executor;
    private final Meter meter;
    /** environment → its cost and carbon lines; only running or idle-stopped environments have one. */
    private final ObservableMap<String, CardFigures> figures = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper readiness = new ReadOnlyStringWrapper("Checking the container engine…");
    private final ObservableList<EnvironmentCard> cards = FXCollections.observableArrayList();
    /** environment → service → the step it is at, while an action runs. */
    private final ObservableMap<String, String> steps = FXCollections.observableHashMap();
    private final ObservableMap<String, String> busy = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper logs = new ReadOnlyStringWrapper("");
    /** The selected service's Kubernetes events, newest first; empty for containers. */
    private final ReadOnlyStringWrapper events = new ReadOnlyStringWrapper("");
    private static final int LOG_LINES = 500;
    private final java.util.ArrayDeque<String> logLines = new java.util.ArrayDeque<>();
    private volatile java.io.Closeable following;
    private final java.util.Map<String, Thread> workers = new java.util.concurrent.ConcurrentHashMap<>();

    public EnvironmentsViewModel(WorkstationState state, CatalogService catalog, EnvironmentService environments,
                                 Supplier<Settings> settings, Meter meter, UiExecutor executor) {
        this.catalog = catalog;
        this.meter = meter;
        this.state = state;
        this.environments = environments;
        this.settings = settings;
        this.executor = executor;
        state.reportProperty().addListener((obs, old, r) -> {
            if (r != null) {
                r.check("engine").ifPresent(c -> readiness.set(c.status().usable()
                        ? "Container engine: " + CheckLabels.brief(c)
                        : "No container engine answers. See Diagnostics for how to start one."));
            }
        });
        // The idle policy stops environments on the monitor's thread: show the stopped card when it does.
        IdleListener stops = new IdleListener() {
            @Override
            public void stopped(IdleStop stop) {
                if (stop.kind() == UsageKind.ENVIRONMENT) {
                    executor.onUi(EnvironmentsViewModel.this::refresh);
                }
            }
        };
        executor.run(() -> {
            meter.addListener(stops);
            return null;
        }, ok -> {
        }, e -> message.set("Cost and carbon figures are unavailable: " + error(e)));
    }

    /**
     * A card's cost and carbon.
     *
     * @param live   the running environment's rate and idle time, e.g. "3.1 W · €0.0009/h · 0.6 gCO2e/h"
     * @param today  what it used since midnight; empty when nothing was recorded
     * @param saving after an idle stop, while it stays stopped: when, after how long, and what that saved
     */
    public record CardFigures(String live, String today, String saving) {
    }

    public void refresh() {
        executor.run(this::load, loaded -> {
            cards.setAll(loaded);
            refreshFigures();
            state.clustersSeen(loaded.stream().filter(c -> c.cluster() != null)
                    .map(c -> c.cluster().runtime() + " " + c.cluster().name() + " (" + c.cluster().state() + ")").toList());
        }, e -> message.set(error(e)));
    }

    private List<EnvironmentCard> load() throws Exception {
        CatalogSnapshot snap = catalog.load();
        Settings s = settings.get();
        ResolveOptions options = new ResolveOptions(s.registryMirror(), s.defaultRuntime());
        Map<String, EnvironmentStatus> running = new LinkedHashMap<>();
        try {
            environments.listAll().forEach(st -> running.put(st.name(), st));
        } catch (RuntimeException e) {
            executor.onUi(() -> message.set("The container engine did not answer: " + error(e)));
        }
        List<EnvironmentCard> out = new ArrayList<>();
        for (var p : snap.catalog().profiles()) {
            Plan plan = catalog.resolve(snap, p.name(), options);
            EnvironmentStatus st = running.get(p.name());
            out.add(new EnvironmentCard(p.name(), p.profile().metadata().description(), plan.runtime().id(),
                    st == null ? "absent" : st.state(), st == null ? List.of() : st.services(),
                    st == null ? Map.of() : environments.connections(plan), st == null ? null : st.cluster()));
        }
        return out;
    }

    /** Reads the monitor's live figures, today's totals and idle stops again (the view calls this every few seconds). */
    public void refreshFigures() {
        List<EnvironmentCard> now = List.copyOf(cards);
        executor.run(() -> figures(now), f -> {
            figures.keySet().retainAll(f.keySet());
            figures.putAll(f);
        }, e -> {
            // Figures are extra: an action's error stays on screen rather than this.
            if (message.get().isEmpty()) {
                message.set("Cost and carbon figures: " + error(e));
            }
        });
    }

    Map<String, CardFigures> figures(List<EnvironmentCard> shown) {
        CostService costs = meter.service();
        ZoneId zone = meter.zone();
        Instant now = costs.clock().instant();
        Instant midnight = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        Map<String, LiveFigures> live = meter.live();
        CostReport today = costs.report(Optional.empty(), midnight, zone, List.of());
        Map<String, UsageTotal> totals = new HashMap<>();
        today.totals().stream().filter(t -> t.kind() == UsageKind.ENVIRONMENT).forEach(t -> totals.put(t.subject(), t));
        Map<String, CardFigures> out = new HashMap<>();
        for (EnvironmentCard c : shown) {
            boolean running = c.state().equals("running") || c.state().equals("partial");
            String liveLine = !running ? "" : Optional.ofNullable(live.get(c.name()))
                    .map(f -> CostFormat.live(f, now, zone)).orElse("Measuring cost and carbon…");
            UsageTotal t = totals.get(c.name());
            String todayLine = t == null ? "" : "Today: " + CostFormat.money(t.cost(), t.currency()) + " · "
                    + CostFormat.grams(t.grams()) + " · " + CostFormat.kwh(t.kwh()) + " over "
                    + CostFormat.duration(t.running());
            // Stop, never down: an environment the policy stopped keeps its data and shows what staying stopped saves.
            String saving = running ? "" : costs.store().lastIdleStop(c.name()).filter(s -> s.resumedAt().isEmpty())
                    .map(s -> CostFormat.saving(s, now, zone)).orElse("");
            if (!liveLine.isEmpty() || !todayLine.isEmpty() || !saving.isEmpty()) {
                out.put(c.name(), new CardFigures(liveLine, todayLine, saving));
            }
        }
        return out;
    }

    public void start(String name) {
        act(name, "Starting", () -> {
            Plan plan = plan(name);
            environments.forPlan(plan).up(plan, UpOptions.defaults().withRegistryMirror(settings.get().registryMirror()),
                    listener(name));
            return null;
        });
    }

    public void stop(String name) {
        act(name, "Stopping", () -> {
            environments.forEnvironment(name).stop(name);
            return null;
        });
    }

    public void remove(String name, boolean purge) {
        act(name, purge ? "Removing with data" : "Removing", () -> {
            environments.forEnvironment(name).down(name, purge);
            return null;
        });
    }

    /**
     * Brings a cluster environment back after a reboot or an engine restart: stopped nodes are started,
     * a lost cluster is created again, and the environment is applied again either way.
     */
    public void repair(String name) {
        act(name, "Repairing", () -> {
            Plan plan = plan(name);
            var engine = environments.clusterEngine();
            var cluster = plan.cluster().orElseThrow();
            engine.clusters().repair(plan.runtime(), cluster.name(), dev.outpost.stack.cluster.ClusterListener.NONE);
            engine.up(plan, UpOptions.defaults().withRegistryMirror(settings.get().registryMirror()), listener(name));
            return null;
        });
    }

    /** Follows the selected service's log: the last lines, then each new one; earlier ones beyond a bound drop off. */
    public void showLogs(String env, String service) {
        stopFollowing();
        logLines.clear();
        logs.set("");
        events.set("");
        executor.run(() -> environments.forEnvironment(env).events(env, service),
                lines -> events.set(String.join("\n", lines)), e -> events.set(""));
        executor.run(() -> environments.forEnvironment(env).followLogs(env, service, LOG_LINES, line -> executor.onUi(() -> {
            logLines.addLast(line);
            while (logLines.size() > LOG_LINES) {
                logLines.removeFirst();
            }
            logs.set(String.join("\n", logLines));
        })), handle -> following = handle, e -> logs.set(error(e)));
    }

    /** Ends the log stream (another service selected, or the screen closed). */
    public void stopFollowing() {
        java.io.Closeable f = following;
        following = null;
        if (f != null) {
            try {
                f.close();
            } catch (java.io.IOException ignored) {
                // the stream is gone either way
            }
        }
    }

    private Plan plan(String name) throws Exception {
        Settings s = settings.get();
        return catalog.resolve(catalog.load(), name, new ResolveOptions(s.registryMirror(), s.defaultRuntime()));
    }

    private UpListener listener(String env) {
        return (service, step, detail) -> executor.onUi(() -> steps.put(env + "/" + service,
                step.name().toLowerCase().replace('_', ' ') + (detail == null || detail.isEmpty() ? "" : ": " + detail)));
    }

    /**
     * Stops a start in progress: the worker is interrupted, and `up` rolls back what it had created
     * (a stop or removal in progress is left to finish).
     */
    public void cancel(String name) {
        Thread t = workers.get(name);
        if (t != null) {
            t.interrupt();
        }
    }

    private void act(String name, String what, java.util.concurrent.Callable<Void> work) {
        if (busy.containsKey(name)) {
            return;
        }
        busy.put(name, what + "…");
        message.set("");
        executor.run(() -> {
            workers.put(name, Thread.currentThread());
            try {
                return work.call();
            } finally {
                workers.remove(name);
            }
        }, ok -> {
            busy.remove(name);
            steps.keySet().removeIf(k -> k.startsWith(name + "/"));
            refresh();
        }, e -> {
            busy.remove(name);
            message.set(name + ": " + (e instanceof InterruptedException ? "cancelled; what it had created was removed"
                    : error(e)));
            steps.keySet().removeIf(k -> k.startsWith(name + "/"));
            refresh();
        });
    }

    private static String error(Throwable e) {
        return Redaction.redact(e.getMessage() == null ? e.toString() : e.getMessage());
    }

    public ReadOnlyStringProperty readinessProperty() {
        return readiness.getReadOnlyProperty();
    }

    public ObservableList<EnvironmentCard> cards() {
        return cards;
    }

    public ObservableMap<String, CardFigures> figures() {
        return figures;
    }

    public ObservableMap<String, String> steps() {
        return steps;
    }

    public ObservableMap<String, String> busy() {
        return busy;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty eventsProperty() {
        return events.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty logsProperty() {
        return logs.getReadOnlyProperty();
    }
}
