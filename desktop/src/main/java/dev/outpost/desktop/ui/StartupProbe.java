package dev.outpost.desktop.ui;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Start-up measurement hooks, off unless the system property {@code outpost.startup} is set (the launcher
 * passes none; benchmarks and the installer build set it through {@code JAVA_TOOL_OPTIONS}):
 * <ul>
 *   <li>{@code report}: once the first frame of the window has been laid out and handed to the renderer, print
 *       {@code outpost-first-window epoch-ms=<ms>} on stderr, so a script can subtract its own start time;</li>
 *   <li>{@code exit}: report, then end the process: the installer build's training run for the class-data
 *       archive opens the window this way on the headless glass platform.</li>
 * </ul>
 * The floor app in {@code installers/src/bench} reports the same way, so both are timed alike.
 */
public final class StartupProbe {
    public static final String PROPERTY = "outpost.startup";

    private StartupProbe() {
    }

    /** Call right after {@code stage.show()}. */
    public static void windowShown(Scene scene) {
        String mode = System.getProperty(PROPERTY, "");
        if (mode.isEmpty()) {
            return;
        }
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            // Runs after the pulse that laid out the first frame has been rendered.
            Platform.runLater(() -> {
                System.err.println("outpost-first-window epoch-ms=" + System.currentTimeMillis());
                System.err.flush();
                if ("exit".equals(mode)) {
                    System.exit(0);
                }
            });
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }
}
