package dev.outpost.desktop.ui.cost;

import dev.outpost.desktop.ui.UiExecutor;
import dev.outpost.stack.cost.IdleListener;
import dev.outpost.stack.cost.store.IdleStop;
import dev.outpost.stack.secrets.Redaction;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The idle policy's notifications in the window: a warning before an environment is stopped, with "keep running",
 * then what a stop saves (or why it failed). The monitor calls its listener on its own thread; every change to
 * the list is handed to the FX thread through the executor.
 */
public final class IdleNoticesViewModel {
    /** The most notifications shown at once; older ones drop off. */
    static final int MAX = 4;

    public enum Kind { WARNING, STOPPED, FAILED }

    /**
     * One notification.
     *
     * @param canKeepRunning whether "Keep running" applies (a warning not yet answered)
     */
    public record Notice(long id, Kind kind, String subject, String message, boolean canKeepRunning) {
    }

    private final Meter meter;
    private final UiExecutor executor;
    private final Supplier<Instant> now;
    private final ObservableList<Notice> notices = FXCollections.observableArrayList();
    private final AtomicLong ids = new AtomicLong();

    public IdleNoticesViewModel(Meter meter, UiExecutor executor) {
        this.meter = meter;
        this.executor = executor;
        this.now = () -> meter.service().clock().instant();
    }

    /** Subscribes to the monitor (off the FX thread: it may open the usage store). */
    public void listen() {
        executor.run(() -> {
            meter.addListener(listener());
            return null;
        }, ok -> {
        }, e -> add(new Notice(ids.incrementAndGet(), Kind.FAILED, "",
                "Cost and carbon monitoring is off: " + error(e), false)));
    }

    IdleListener listener() {
        ZoneId zone = meter.zone();
        return new IdleListener() {
            @Override
            public void warned(String subject, Instant stopsAt) {
                String text = subject + " has been idle; it stops at " + CostFormat.time(stopsAt, now.get(), zone)
                        + " unless it is used. Its data is kept.";
                executor.onUi(() -> add(new Notice(ids.incrementAndGet(), Kind.WARNING, subject, text, true)));
            }

            @Override
            public void stopped(IdleStop stop) {
                String text = CostFormat.stopped(stop);
                executor.onUi(() -> add(new Notice(ids.incrementAndGet(), Kind.STOPPED, stop.subject(), text, false)));
            }

            @Override
            public void stopFailed(String subject, Exception cause) {
                String text = "Could not stop idle " + subject + ": " + error(cause) + ". It keeps running.";
                executor.onUi(() -> add(new Notice(ids.incrementAndGet(), Kind.FAILED, subject, text, false)));
            }
        };
    }

    /** A newer notice about a subject replaces the older one: a stop answers its warning. */
    private void add(Notice n) {
        if (!n.subject().isEmpty()) {
            notices.removeIf(o -> o.subject().equals(n.subject()));
        }
        notices.add(n);
        while (notices.size() > MAX) {
            notices.removeFirst();
        }
    }

    /** Restarts the subject's idle time; the warning goes once the monitor has it. */
    public void keepRunning(Notice n) {
        if (!n.canKeepRunning()) {
            return;
        }
        executor.run(() -> {
            meter.keepRunning(n.subject());
            return n;
        }, done -> notices.remove(done), e -> {
            notices.remove(n);
            add(new Notice(ids.incrementAndGet(), Kind.FAILED, n.subject(),
                    "Could not keep " + n.subject() + " running: " + error(e), false));
        });
    }

    public void dismiss(Notice n) {
        notices.remove(n);
    }

    public ObservableList<Notice> notices() {
        return notices;
    }

    private static String error(Throwable e) {
        return Redaction.redact(e.getMessage() == null ? e.toString() : e.getMessage());
    }
}
