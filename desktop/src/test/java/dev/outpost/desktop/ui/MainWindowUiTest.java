package dev.outpost.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.outpost.desktop.AppServices;
import dev.outpost.desktop.TestServices;
import dev.outpost.desktop.ui.shell.Screen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowUiTest {
    @TempDir
    Path home;

    private AppServices services;

    @Start
    void start(Stage stage) {
        services = TestServices.withChecks(home, TestServices.typicalLaptop());
        new DesktopShell(services, UiExecutor.fx()).show(stage);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void visitsEveryScreenAndReadsTheDiagnosticsReport(FxRobot robot) throws Exception {
        for (Screen s : Screen.values()) {
            robot.clickOn("#" + s.navId());
            String screenId = "#" + s.name().toLowerCase() + "-screen";
            waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(screenId).tryQuery().map(Node::isVisible).orElse(false));
        }

        robot.clickOn("#" + Screen.DIAGNOSTICS.navId());
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#check-engine").tryQuery().isPresent());
        assertThat(text(robot, "#diagnostics-headline")).isEqualTo("Ready for the docker runtime");
        assertThat(text(robot, "#check-summary-engine")).isEqualTo("Docker Engine 20.10.24 at unix:///var/run/docker.sock");
        assertThat(text(robot, "#check-summary-kind")).isEqualTo("kind is not on PATH");
        assertThat(text(robot, "#check-fix-kind")).contains("https://kind.sigs.k8s.io/docs/user/quick-start/#installation");
        assertThat(text(robot, "#status-engine")).isEqualTo("Engine: Docker Engine 20.10.24");
        assertThat(text(robot, "#status-gpu")).isEqualTo("GPU: none");
    }

    @Test
    void choosingKindInSettingsSavesItAndTheReportSaysWhatIsMissing(FxRobot robot) throws Exception {
        robot.clickOn("#" + Screen.SETTINGS.navId());
        robot.interact(() -> robot.lookup("#settings-runtime")
                .<javafx.scene.control.ComboBox<dev.outpost.profiles.Runtime>>query()
                .setValue(dev.outpost.profiles.Runtime.KIND));
        robot.clickOn("#settings-save");
        Path file = services.directories().settingsFile();
        waitFor(10, TimeUnit.SECONDS, () -> Files.exists(file) && Files.readString(file).contains("\"kind\""));

        robot.clickOn("#" + Screen.DIAGNOSTICS.navId());
        waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#diagnostics-headline").queryAs(Label.class).getText().startsWith("Not ready"));
        assertThat(text(robot, "#diagnostics-headline")).isEqualTo("Not ready for the kind runtime: kind needed");
    }
}
