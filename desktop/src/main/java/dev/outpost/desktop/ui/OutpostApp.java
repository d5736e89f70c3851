package dev.outpost.desktop.ui;

import dev.outpost.desktop.AppServices;
import dev.outpost.stack.platform.HostEnvironment;
import javafx.application.Application;
import javafx.stage.Stage;

public final class OutpostApp extends Application {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OutpostApp.class);
    private AppServices services;

    public static void launchWindow() {
        Application.launch(OutpostApp.class);
    }

    @Override
    public void start(Stage stage) throws Exception {
        services = AppServices.forHost(HostEnvironment.current());
        services.directories().ensureCreated();
        new DesktopShell(services, UiExecutor.fx()).show(stage);
        // Metering runs while the window is open (the CLI never starts it); building it opens SQLite, off the FX thread.
        AppServices s = services;
        Thread.ofVirtual().name("outpost-metering-start").start(() -> {
            try {
                s.metering().monitor().start(s.metering().period());
            } catch (RuntimeException e) {
                LOG.warn("Cost and carbon metering did not start: {}", e.getMessage());
            }
        });
    }

    @Override
    public void stop() {
        if (services != null) {
            services.metering().close();
        }
    }
}
