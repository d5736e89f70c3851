package dev.outpost.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.desktop.AppServices;
import dev.outpost.desktop.TestServices;
import dev.outpost.profiles.files.PrivateFiles;
import dev.outpost.stack.cluster.fake.FakeClusterTools;
import dev.outpost.stack.environment.PlayedControllers;
import dev.outpost.stack.kube.FakeApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * `outpost cluster …` and `outpost up` with a k3d profile, through the CLI exactly as a user types them, against the
 * kind and k3d doubles (node containers on the real engine) and fabric8's mock API server.
 */
class ClusterCliIT {
    @TempDir
    Path tmp;

    private FakeApiServer api;
    private KubernetesClient kube;
    private AppServices services;
    private Path home;

    private record Run(int code, String out, String err) {
        JsonNode json() {
            return JsonMapper.builder().build().readTree(out);
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        api = new FakeApiServer();
        kube = api.client();
        FakeClusterTools tools = FakeClusterTools.install(Files.createDirectories(tmp.resolve("bin")),
                FakeClusterTools.Settings.defaults().withServerUrl(api.url()));
        home = Files.createDirectories(tmp.resolve("home"));
        services = TestServices.withChecks(home, TestServices.typicalLaptop(),
                Map.of("PATH", tools.dir() + ":" + System.getenv("PATH"), "HOME", home.toString()));
    }

    @AfterEach
    void tearDown() {
        cli("cluster", "delete", "it-kind", "--runtime", "kind");
        cli("down", "data-pipeline", "--purge");
        kube.close();
        api.close();
    }

    private Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, services, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void createListMergeStopStartDelete() throws Exception {
        Run created = cli("cluster", "create", "it-kind", "--runtime", "kind", "--workers", "1", "--json");
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.json().get("state").asString()).isEqualTo("running");
        assertThat(created.json().get("context").asString()).isEqualTo("kind-it-kind");
        assertThat(created.json().get("nodes")).extracting(n -> n.get("name").asString())
                .containsExactlyInAnyOrder("it-kind-control-plane", "it-kind-worker");

        Run again = cli("cluster", "create", "it-kind", "--runtime", "kind");
        assertThat(again.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(again.err()).contains("already exists").contains("outpost cluster delete");

        Run list = cli("cluster", "list", "--json");
        assertThat(list.code()).isZero();
        assertThat(list.json()).anySatisfy(c -> {
            assertThat(c.get("name").asString()).isEqualTo("it-kind");
            assertThat(c.get("runtime").asString()).isEqualTo("kind");
            assertThat(c.get("owned").asBoolean()).isTrue();
            assertThat(c.get("repair").asString()).isEqualTo("none");
        });

        Run merged = cli("cluster", "kubeconfig", "it-kind", "--merge", "--switch", "--json");
        assertThat(merged.code()).as(merged.err()).isZero();
        Path own = Path.of(merged.json().get("path").asString());
        assertThat(PrivateFiles.widerThanOwnerOnly(own)).isEmpty();
        Path user = home.resolve(".kube/config");
        assertThat(merged.json().get("mergedInto").asString()).isEqualTo(user.toString());
        assertThat(Files.readString(user)).contains("name: kind-it-kind").contains("current-context: kind-it-kind");
        assertThat(PrivateFiles.widerThanOwnerOnly(user)).isEmpty();

        Run stopped = cli("cluster", "stop", "it-kind", "--json");
        assertThat(stopped.json().get("state").asString()).isEqualTo("stopped");
        Run started = cli("cluster", "start", "it-kind", "--json");
        assertThat(started.json().get("state").asString()).isEqualTo("running");

        Run deleted = cli("cluster", "delete", "it-kind", "--json");
        assertThat(deleted.code()).isZero();
        assertThat(Files.readString(user)).doesNotContain("kind-it-kind");
        assertThat(cli("cluster", "list", "--json").json()).noneSatisfy(c ->
                assertThat(c.get("name").asString()).isEqualTo("it-kind"));

        Run missing = cli("cluster", "stop", "nope");
        assertThat(missing.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(missing.err()).contains("no cluster named 'nope'");
    }

    @Test
    void upWithAK3dProfileBuildsTheClusterAndDeploysIntoIt() {
        try (PlayedControllers controllers = new PlayedControllers(api, kube, Set.of())) {
            Run up = cli("up", "data-pipeline", "--json");
            assertThat(up.code()).as(up.err()).isZero();
            JsonNode st = up.json();
            assertThat(st.get("state").asString()).isEqualTo("running");
            assertThat(st.get("cluster").get("runtime").asString()).isEqualTo("k3d");
            assertThat(st.get("cluster").get("context").asString()).isEqualTo("k3d-data-pipeline");
            assertThat(st.get("services")).extracting(s -> s.get("name").asString())
                    .containsExactlyInAnyOrder("kafka", "minio", "warehouse");
            // Masked where it is printed, whole where it is asked for: the same strings as the container runtime.
            assertThat(st.get("connections").get("warehouse").get("url").asString()).isEqualTo("postgresql://***@127.0.0.1:5433/app");
            Run env = cli("env", "data-pipeline");
            assertThat(env.out()).containsPattern("WAREHOUSE_URL=postgresql://outpost:[A-Za-z0-9]{24}@127\\.0\\.0\\.1:5433/app");

            Run status = cli("status", "--json");
            assertThat(status.json()).anySatisfy(e -> {
                assertThat(e.get("name").asString()).isEqualTo("data-pipeline");
                assertThat(e.get("cluster").get("state").asString()).isEqualTo("running");
            });
            Run logs = cli("logs", "data-pipeline", "kafka", "--json");
            assertThat(logs.code()).as(logs.err()).isZero();
            assertThat(logs.json().get("kafka").toString()).contains("Kafka Server started");

            kube.v1().events().inNamespace("outpost-data-pipeline").resource(new io.fabric8.kubernetes.api.model.EventBuilder()
                    .withNewMetadata().withName("kafka-0.1").endMetadata().withType("Normal").withReason("Pulled")
                    .withMessage("Container image already present on machine").withLastTimestamp(java.time.Instant.now().toString())
                    .withNewInvolvedObject().withKind("Pod").withName("kafka-0").withNamespace("outpost-data-pipeline")
                    .endInvolvedObject().build()).create();
            Run events = cli("logs", "data-pipeline", "kafka", "--events");
            assertThat(events.code()).as(events.err()).isZero();
            assertThat(events.out()).contains("Normal Pulled Pod/kafka-0: Container image already present on machine");

            Run down = cli("down", "data-pipeline", "--purge", "--json");
            assertThat(down.code()).isZero();
            assertThat(cli("status", "data-pipeline", "--json").json().get("state").asString()).isEqualTo("absent");
        }
    }
}
