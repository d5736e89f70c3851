package dev.outpost.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.outpost.desktop.AppServices;
import dev.outpost.desktop.TestServices;
import dev.outpost.desktop.ui.shell.Screen;
import dev.outpost.stack.inference.fake.OllamaDouble;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Models & GPU screen against two Ollama doubles (the laptop's and a remote GPU target's): the playground
 * answers through the gateway, and flipping the offload toggle moves the status bar and the next answer.
 */
@ExtendWith(ApplicationExtension.class)
class ModelsUiTest {
    @TempDir
    Path tmp;

    private OllamaDouble local;
    private OllamaDouble remote;

    @Start
    void start(Stage stage) throws Exception {
        local = OllamaDouble.start().model("llama3.2:3b", 2_019_393_189L).reply("local answer");
        remote = OllamaDouble.start().model("llama3.2:3b", 2_019_393_189L).reply("remote answer").requireBearer("t0ken");
        AppServices services = TestServices.withChecks(tmp.resolve("home"), List.of(),
                Map.of("PATH", Files.createDirectories(tmp.resolve("bin")).toString(), "OLLAMA_HOST", local.uri().getAuthority()));
        Path targets = Files.createDirectories(services.directories().data().resolve("local/catalog/targets"));
        Files.writeString(targets.resolve("gke-l4.yaml"), """
                apiVersion: outpost.dev/v1
                kind: InferenceTarget
                metadata: {name: gke-l4}
                spec: {url: "%s", api: ollama, auth: bearer, gpu: {type: nvidia-l4, memoryGiB: 24}, costPerHour: 0.85,
                  spotCostPerHour: 0.30, region: us-central1}
                """.formatted(remote.uri()));
        services.inference().access().storeToken("gke-l4", "t0ken");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        services.inference().save(services.inference().settings().withGatewayPort(port)
                .withPlacement(dev.outpost.profiles.model.Profile.Placement.LOCAL));
        new DesktopShell(services, UiExecutor.fx()).show(stage);
    }

    @AfterEach
    void stop() {
        local.close();
        remote.close();
    }

    @Test
    void flippingTheToggleMovesTheNextAnswerAndTheStatusBar(FxRobot robot) throws Exception {
        robot.clickOn("#" + Screen.MODELS.navId());
        waitFor(20, TimeUnit.SECONDS, () -> FxQueries.text(robot, "#models-target").contains("gke-l4 · nvidia-l4 24 GiB"));
        assertThat(FxQueries.text(robot, "#models-target")).contains("0.85/h").contains("latency");
        // What the remote GPU costs and emits per hour shows beside the toggle before it flips.
        waitFor(10, TimeUnit.SECONDS, () -> !FxQueries.text(robot, "#models-remote-rate").isEmpty());
        assertThat(FxQueries.text(robot, "#models-remote-rate")).matches(
                "gke-l4: €0\\.85/h · \\d+ gCO2e/h on demand · €0\\.30/h spot");
        assertThat(FxQueries.visible(robot, "#models-remote-lease")).as("no lease held yet").isFalse();
        waitFor(10, TimeUnit.SECONDS, () -> FxQueries.text(robot, "#status-inference").contains("local"));

        robot.clickOn("#playground-model").write("llama3.2:3b");
        robot.clickOn("#playground-prompt").write("why is the sky blue?");
        robot.clickOn("#playground-ask");
        waitFor(20, TimeUnit.SECONDS, () -> FxQueries.text(robot, "#playground-answer").equals("local answer"));
        waitFor(10, TimeUnit.SECONDS, () -> FxQueries.text(robot, "#playground-stats").contains("tokens/s"));

        robot.clickOn("#models-offload");
        waitFor(20, TimeUnit.SECONDS, () -> FxQueries.text(robot, "#status-inference").contains("remote gke-l4"));
        robot.clickOn("#playground-ask");
        waitFor(20, TimeUnit.SECONDS, () -> FxQueries.text(robot, "#playground-answer").equals("remote answer"));
        assertThat(remote.requests("/api/chat")).hasSize(1);
    }
}
