package dev.outpost.desktop.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * How view models run engine work: off the JavaFX thread, with the outcome handed back on it.
 * Tests pass {@link #direct()} to run everything on the calling thread.
 */
public interface UiExecutor {
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** Hands an update (progress, say) from a worker thread to the UI thread. */
    void onUi(Runnable update);

    /** Work on a virtual thread, callbacks through {@code Platform.runLater}. */
    static UiExecutor fx() {
        return new UiExecutor() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
                Thread.ofVirtual().name("outpost-ui-work").start(() -> {
                    try {
                        T result = work.call();
                        javafx.application.Platform.runLater(() -> onSuccess.accept(result));
                    } catch (Exception e) {
                        javafx.application.Platform.runLater(() -> onFailure.accept(e));
                    }
                });
            }

            @Override
            public void onUi(Runnable update) {
                javafx.application.Platform.runLater(update);
            }
        };
    }

    static UiExecutor direct() {
        return new UiExecutor() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }

            @Override
            public void onUi(Runnable update) {
                update.run();
            }
        };
    }
}
