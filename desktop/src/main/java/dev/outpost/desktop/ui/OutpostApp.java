package dev.outpost.desktop.ui;

import dev.outpost.desktop.AppServices;
import dev.outpost.stack.platform.HostEnvironment;
import javafx.application.Application;
import javafx.stage.Stage;

public final class OutpostApp extends Application {
    public static void launchWindow() {
        Application.launch(OutpostApp.class);
    }

    @Override
    public void start(Stage stage) throws Exception {
        AppServices services = AppServices.forHost(HostEnvironment.current());
        services.directories().ensureCreated();
        new DesktopShell(services, UiExecutor.fx()).show(stage);
    }
}
