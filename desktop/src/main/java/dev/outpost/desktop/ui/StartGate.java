package dev.outpost.desktop.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Holds the view models' first engine work (catalog, environments, the usage store) until the window has
 * drawn its first frame. On two cores that work competed with the FX thread for the CPU and delayed the
 * window it was loading data for; the screens show their loading state for those few hundred milliseconds
 * instead.
 */
public final class StartGate {
    private final List<Runnable> held = new ArrayList<>();
    private boolean open;

    /** {@code delegate}, except that work submitted before {@link #openAfterFirstFrame} shows starts then. */
    public UiExecutor wrap(UiExecutor delegate) {
        return new UiExecutor() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
                submit(() -> delegate.run(work, onSuccess, onFailure));
            }

            @Override
            public void onUi(Runnable update) {
                delegate.onUi(update);
            }
        };
    }

    private void submit(Runnable start) {
        synchronized (this) {
            if (!open) {
                held.add(start);
                return;
            }
        }
        start.run();
    }

    /** Opens the gate once the scene's first frame has been laid out and handed to the renderer. */
    public void openAfterFirstFrame(Scene scene) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            Platform.runLater(this::open);
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    void open() {
        List<Runnable> start;
        synchronized (this) {
            open = true;
            start = List.copyOf(held);
            held.clear();
        }
        start.forEach(Runnable::run);
    }
}
