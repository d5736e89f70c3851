package dev.outpost.desktop.ui.common;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;

/**
 * Runs an action on the FX thread every period while a node is in a window. Not a {@code Timeline}: while any
 * animation runs, JavaFX pulses (lays out and renders the scene) at 60 frames a second, however long its key
 * frames are, which made an idle window cost more CPU than everything else it does.
 */
public final class WhileShowing {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("outpost-ui-timer").factory());

    private WhileShowing() {
    }

    public static void every(Node node, Duration period, Runnable onFxThread) {
        ScheduledFuture<?>[] running = new ScheduledFuture<?>[1];
        Runnable start = () -> {
            if (running[0] == null) {
                running[0] = TIMER.scheduleWithFixedDelay(() -> Platform.runLater(onFxThread), period.toMillis(),
                        period.toMillis(), TimeUnit.MILLISECONDS);
            }
        };
        node.sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                if (running[0] != null) {
                    running[0].cancel(false);
                    running[0] = null;
                }
            } else {
                start.run();
            }
        });
        if (node.getScene() != null) {
            start.run();
        }
    }
}
