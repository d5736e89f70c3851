package dev.outpost.desktop.ui;

import dev.outpost.desktop.AppServices;
import dev.outpost.stack.platform.HostEnvironment;
import javafx.application.Application;
import javafx.stage.Stage;

public final class OutpostApp extends Application {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OutpostApp.class);
    private AppServices services;

    /**
     * The engine objects, built on a thread of their own while JavaFX starts its toolkit: on two cores the two
     * overlap, and the window's first frame no longer waits for both one after the other.
     */
    private static volatile java.util.concurrent.CompletableFuture<AppServices> prepared;

    public static void launchWindow() {
        java.util.concurrent.CompletableFuture<AppServices> services = new java.util.concurrent.CompletableFuture<>();
        Thread.ofPlatform().name("outpost-services").start(() -> {
            try {
                services.complete(AppServices.forHost(HostEnvironment.current()));
            } catch (RuntimeException | Error e) {
                services.completeExceptionally(e);
            }
        });
        prepared = services;
        Application.launch(OutpostApp.class);
    }

    @Override
    public void start(Stage stage) throws Exception {
        services = prepared != null ? prepared.join() : AppServices.forHost(HostEnvironment.current());
        services.directories().ensureCreated();
        StartGate gate = new StartGate();
        new DesktopShell(services, gate.wrap(UiExecutor.fx())).show(stage);
        gate.openAfterFirstFrame(stage.getScene());
        // Metering runs while the window is open (the CLI never starts it). It starts a few seconds after the
        // first frame, off the FX thread: opening SQLite and the first stats round must not compete with the
        // window's start, and a start-up training run (which exits at the first frame) never meters.
        AppServices s = services;
        javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(3));
        later.setOnFinished(e -> Thread.ofVirtual().name("outpost-metering-start").start(() -> {
            try {
                s.metering().startMonitor();
            } catch (RuntimeException ex) {
                LOG.warn("Cost and carbon metering did not start: {}", ex.getMessage());
            }
        }));
        later.play();
    }

    @Override
    public void stop() {
        if (services != null) {
            services.metering().close();
        }
    }
}
