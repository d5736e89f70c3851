package dev.outpost.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.outpost.desktop.AppServices;
import dev.outpost.desktop.TestServices;
import dev.outpost.desktop.ui.shell.Screen;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** One click on a card starts web-backend on the real engine, through the test registry as the mirror. */
@ExtendWith(ApplicationExtension.class)
class EnvironmentsUiIT {
    @TempDir
    Path home;

    private AppServices services;

    @Start
    void start(Stage stage) throws Exception {
        Properties r = new Properties();
        try (var in = Files.newBufferedReader(Path.of(System.getenv().getOrDefault("OUTPOST_TEST_CACHE",
                "/var/cache/outpost-test-registry"), "registry.env"))) {
            r.load(in);
        }
        String registry = r.getProperty("OUTPOST_TEST_REGISTRY");
        String auth = Base64.getEncoder().encodeToString((r.getProperty("OUTPOST_TEST_REGISTRY_USER") + ":"
                + r.getProperty("OUTPOST_TEST_REGISTRY_PASSWORD")).getBytes(StandardCharsets.UTF_8));
        Path dockerConfig = Files.createDirectories(home.resolve("docker"));
        Files.writeString(dockerConfig.resolve("config.json"), "{\"auths\":{\"" + registry + "\":{\"auth\":\"" + auth + "\"}}}");
        services = TestServices.withChecks(home, TestServices.typicalLaptop(),
                Map.of("DOCKER_CONFIG", dockerConfig.toString()));
        services.settings().save(services.settings().load().settings().withRegistryMirror(registry));
        services.environments().engine().down("web-backend", true);
        new DesktopShell(services, UiExecutor.fx()).show(stage);
        // As the app does when its window opens, with a short period so the card gets figures quickly.
        services.metering().monitor().start(java.time.Duration.ofSeconds(2));
    }

    @AfterEach
    void cleanUp() {
        services.metering().close();
        services.environments().engine().down("web-backend", true);
    }

    @Test
    void startingACardBringsEveryServiceToRunning(FxRobot robot) throws Exception {
        robot.clickOn("#" + Screen.ENVIRONMENTS.navId());
        waitFor(20, TimeUnit.SECONDS, () -> FxQueries.present(robot, "#env-start-web-backend"));
        assertThat(FxQueries.text(robot, "#env-state-web-backend")).isEqualTo("absent");

        FxQueries.reveal(robot, "#env-start-web-backend");
        robot.clickOn("#env-start-web-backend");
        waitFor(180, TimeUnit.SECONDS, () -> FxQueries.text(robot, "#env-state-web-backend").equals("running"));
        for (String svc : new String[] {"postgres", "redis", "rabbitmq"}) {
            assertThat(FxQueries.text(robot, "#svc-state-web-backend-" + svc)).isEqualTo("running");
        }
        assertThat(services.environments().engine().status("web-backend").state()).isEqualTo("running");
        // The monitor reads the containers' stats; the card shows the rate (the card refreshes every 10 s).
        waitFor(60, TimeUnit.SECONDS, () -> FxQueries.text(robot, "#env-live-web-backend")
                .matches("[\\d.]+ W · €[\\d.]+/h · [\\d.]+ k?gCO2e/h.*"));

        FxQueries.reveal(robot, "#svc-web-backend-redis");
        robot.clickOn("#svc-web-backend-redis");
        try {
            waitFor(20, TimeUnit.SECONDS, () -> FxQueries.text(robot, "#environment-logs").contains("Ready to accept connections"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the log pane did not show redis' ready line; it shows [" + FxQueries.text(robot, "#environment-logs")
                    + "], message [" + FxQueries.text(robot, "#environments-message") + "]", e);
        }
    }
}
