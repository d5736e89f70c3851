package dev.outpost.desktop.ui.profiles;

import dev.outpost.desktop.ui.UiExecutor;
import dev.outpost.profiles.sync.Choice;
import dev.outpost.profiles.sync.ConflictedFile;
import dev.outpost.profiles.sync.PushResult;
import dev.outpost.profiles.sync.SyncListener;
import dev.outpost.profiles.sync.SyncResult;
import dev.outpost.stack.catalog.PlatformService;
import dev.outpost.stack.secrets.Redaction;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Sync and push with the platform repository: status, progress, cancel, and conflicts to settle. */
public final class SyncViewModel {
    private final PlatformService platform;
    private final UiExecutor executor;
    private final Runnable afterChange;

    private final ReadOnlyStringWrapper platformStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper configured = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ObservableList<ConflictedFile> conflicts = FXCollections.observableArrayList();
    private volatile AtomicBoolean cancel = new AtomicBoolean();
    private volatile java.time.LocalTime lastSync;

    /** @param afterChange reloads the profile list once the repository changed */
    public SyncViewModel(PlatformService platform, UiExecutor executor, Runnable afterChange) {
        this.platform = platform;
        this.executor = executor;
        this.afterChange = afterChange;
    }

    /** Reads the platform's state off the UI thread (the keychain and the clone are on disk). */
    public void refreshStatus() {
        executor.run(this::describe, s -> {
            configured.set(platform.config().isPresent());
            platformStatus.set(s);
        }, e -> platformStatus.set("Platform: " + message(e)));
        executor.run(platform::conflicts, conflicts::setAll, e -> { });
    }

    private String describe() {
        return platform.config().map(c -> "Platform: " + c.url() + " (" + c.branch() + ") · "
                + platform.lastGood().map(g -> "using " + g.shortId() + " " + g.subject()
                        + " of " + g.committedAt().toString().substring(0, 16).replace('T', ' '))
                        .orElse("not synced yet")
                + (lastSync == null ? "" : " · last sync " + lastSync.withNano(0)))
                .orElse("No platform configured: the built-in catalog is in use. Set one in Settings.");
    }

    public void sync() {
        start("Syncing", listener -> platform.sync(listener, cancel::get), r -> {
            lastSync = java.time.LocalTime.now();
            switch (r) {
                case SyncResult.Updated u -> {
                    result.set("Now using " + u.current().shortId() + ": " + String.join("; ", u.changes().describe()));
                    conflicts.setAll(u.conflicts());
                }
                case SyncResult.UpToDate u -> result.set("Up to date at " + u.current().shortId());
                case SyncResult.Rejected rej -> result.set("Upstream " + rej.commit().shortId() + " by "
                        + rej.commit().author() + " is invalid and was not taken:\n" + String.join("\n", rej.problems()));
            }
        });
    }

    public void push() {
        start("Pushing", listener -> platform.push(listener, cancel::get), this::pushed);
    }

    public void resolve(ConflictedFile file, Choice choice) {
        start("Resolving", listener -> platform.resolve(file.path(), choice, listener, cancel::get), this::pushed);
    }

    private void pushed(PushResult r) {
        switch (r) {
            case PushResult.Pushed p -> {
                result.set("Pushed " + String.join(", ", p.paths()));
                conflicts.clear();
            }
            case PushResult.NothingToPush n -> result.set("Nothing to push: your profiles match upstream.");
            case PushResult.Conflict c -> {
                result.set("Changed both here and upstream: pick a version for each file below. Your edits are kept.");
                conflicts.setAll(c.files());
            }
        }
    }

    public void cancel() {
        cancel.set(true);
    }

    private <T> void start(String what, Work<T> work, Consumer<T> done) {
        if (busy.get()) {
            return;
        }
        cancel = new AtomicBoolean();
        busy.set(true);
        progress.set(-1);
        progressText.set(what + "…");
        result.set("");
        SyncListener listener = (task, d, total) -> executor.onUi(() -> {
            progress.set(total > 0 ? (double) d / total : -1);
            progressText.set(task + (total > 0 ? " " + d * 100 / total + "%" : ""));
        });
        Callable<T> call = () -> work.run(listener);
        executor.run(call, r -> {
            busy.set(false);
            progressText.set("");
            done.accept(r);
            refreshStatus();
            afterChange.run();
        }, e -> {
            busy.set(false);
            progressText.set("");
            result.set(message(e));
            refreshStatus();
        });
    }

    private static String message(Throwable e) {
        return Redaction.redact(e.getMessage() == null ? e.toString() : e.getMessage());
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(SyncListener listener) throws Exception;
    }

    public ReadOnlyStringProperty platformStatusProperty() {
        return platformStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty configuredProperty() {
        return configured.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ObservableList<ConflictedFile> conflicts() {
        return conflicts;
    }
}
