import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The start-up floor: a plain JavaFX window with one label. BuildInstaller.java packages it exactly as it
 * packages Outpost (same jlinked runtime, same jpackage launcher, its own AppCDS archive from the same kind of
 * training run), so measure.sh compares like with like. Reports its first window the way Outpost's
 * StartupProbe does (system property outpost.startup=report|exit).
 */
public class FloorApp extends Application {
    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(new Label("Outpost floor")), 1180, 760);
        stage.setTitle("Outpost floor");
        stage.setScene(scene);
        stage.show();
        String mode = System.getProperty("outpost.startup", "");
        if (mode.isEmpty()) {
            return;
        }
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
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
