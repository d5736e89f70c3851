package dev.outpost.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.outpost.desktop.AppServices;
import dev.outpost.desktop.TestServices;
import dev.outpost.desktop.ui.shell.Screen;
import dev.outpost.stack.cluster.fake.FakeClusterTools;
import dev.outpost.stack.environment.PlayedControllers;
import dev.outpost.stack.kube.FakeApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
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

/**
 * The Environments screen drives a k3d environment: one click creates the cluster (the k3d double on the real
 * engine), deploys into it (fabric8's mock API server, the test playing the controllers), and the card shows the
 * cluster, its services and their logs.
 */
@ExtendWith(ApplicationExtension.class)
class ClusterEnvironmentsUiIT {
    @TempDir
    Path tmp;

    private AppServices services;
    private FakeApiServer api;
    private KubernetesClient kube;
    private PlayedControllers controllers;

    @Start
    void start(Stage stage) throws Exception {
        api = new FakeApiServer();
        kube = api.client();
        controllers = new PlayedControllers(api, kube, Set.of());
        FakeClusterTools tools = FakeClusterTools.install(Files.createDirectories(tmp.resolve("bin")),
                FakeClusterTools.Settings.defaults().withServerUrl(api.url()));
        Path home = Files.createDirectories(tmp.resolve("home"));
        services = TestServices.withChecks(home, TestServices.typicalLaptop(),
                Map.of("PATH", tools.dir() + ":" + System.getenv("PATH"), "HOME", home.toString()));
        new DesktopShell(services, UiExecutor.fx()).show(stage);
    }

    @AfterEach
    void cleanUp() throws Exception {
        services.environments().clusterEngine().down("data-pipeline", true);
        controllers.close();
        kube.close();
        api.close();
    }

    @Test
    void startingAK3dCardCreatesTheClusterAndShowsItsServices(FxRobot robot) throws Exception {
        robot.clickOn("#" + Screen.ENVIRONMENTS.navId());
        waitFor(20, TimeUnit.SECONDS, () -> FxQueries.present(robot, "#env-cluster-data-pipeline"));
        assertThat(FxQueries.text(robot, "#env-cluster-data-pipeline"))
                .isEqualTo("k3d cluster: not created yet");

        FxQueries.reveal(robot, "#env-start-data-pipeline");
        robot.clickOn("#env-start-data-pipeline");
        waitFor(120, TimeUnit.SECONDS, () -> FxQueries.text(robot, "#env-state-data-pipeline").equals("running"));
        assertThat(FxQueries.text(robot, "#env-cluster-data-pipeline"))
                .startsWith("k3d cluster data-pipeline · running · 3/3 nodes")
                .contains("Kubernetes v1.33.1").endsWith("context k3d-data-pipeline");
        for (String svc : new String[] {"kafka", "minio", "warehouse"}) {
            assertThat(FxQueries.text(robot, "#svc-state-data-pipeline-" + svc)).isEqualTo("running");
        }
        assertThat(FxQueries.present(robot, "#env-repair-data-pipeline")).isTrue();
        assertThat(FxQueries.visible(robot, "#env-repair-data-pipeline")).isFalse();
        waitFor(10, TimeUnit.SECONDS, () -> FxQueries.text(robot, "#status-cluster").contains("k3d data-pipeline (running)"));

        kube.v1().events().inNamespace("outpost-data-pipeline").resource(new io.fabric8.kubernetes.api.model.EventBuilder()
                .withNewMetadata().withName("kafka-0.1").endMetadata().withType("Warning").withReason("BackOff")
                .withMessage("Back-off restarting failed container").withLastTimestamp(java.time.Instant.now().toString())
                .withNewInvolvedObject().withKind("Pod").withName("kafka-0").withNamespace("outpost-data-pipeline")
                .endInvolvedObject().build()).create();
        FxQueries.reveal(robot, "#svc-data-pipeline-kafka");
        robot.clickOn("#svc-data-pipeline-kafka");
        waitFor(20, TimeUnit.SECONDS, () -> FxQueries.text(robot, "#environment-events").contains("Warning BackOff Pod/kafka-0: Back-off restarting failed container"));
        waitFor(20, TimeUnit.SECONDS, () -> FxQueries.text(robot, "#environment-logs").contains("Kafka Server started"));
    }
}
