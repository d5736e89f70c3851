package dev.outpost.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.desktop.AppServices;
import dev.outpost.desktop.TestServices;
import dev.outpost.profiles.model.Profile;
import dev.outpost.stack.inference.ChatMessage;
import dev.outpost.stack.inference.ChatRequest;
import dev.outpost.stack.inference.OllamaClient;
import dev.outpost.stack.inference.fake.OllamaDouble;
import dev.outpost.stack.inference.gateway.GatewayListener;
import dev.outpost.stack.inference.gateway.InferenceGateway;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * `outpost model …`, `outpost inference …` and the gateway's toggle, against two Ollama doubles playing the
 * laptop's Ollama and a remote GPU target (which insists on its bearer token).
 */
class InferenceCliTest {
    @TempDir
    Path tmp;

    private OllamaDouble local;
    private OllamaDouble remote;
    private AppServices services;

    @BeforeEach
    void setUp() throws Exception {
        local = OllamaDouble.start().model("llama3.2:3b", 2_019_393_189L).reply("local answer");
        remote = OllamaDouble.start().model("llama3.2:3b", 2_019_393_189L).reply("remote answer").requireBearer("s3cret-token");
        Path home = tmp.resolve("home");
        services = TestServices.withChecks(home, List.of(), Map.of("PATH", Files.createDirectories(tmp.resolve("bin")).toString(),
                "OLLAMA_HOST", local.uri().getAuthority()));
        Path targets = Files.createDirectories(services.directories().data().resolve("local/catalog/targets"));
        Files.writeString(targets.resolve("gke-l4.yaml"), """
                apiVersion: outpost.dev/v1
                kind: InferenceTarget
                metadata:
                  name: gke-l4
                spec:
                  url: %s
                  api: ollama
                  auth: bearer
                  gpu: {type: nvidia-l4, memoryGiB: 24}
                  costPerHour: 0.85
                  region: europe-west4
                """.formatted(remote.uri()));
        services.inference().access().storeToken("gke-l4", "s3cret-token");
    }

    @AfterEach
    void tearDown() {
        local.close();
        remote.close();
    }

    private record Run(int code, String out, String err) {
        JsonNode json() {
            return JsonMapper.builder().build().readTree(out);
        }
    }

    private Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, services, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void listsPullsAndRemovesModels() {
        Run list = cli("model", "list", "--json");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.json()).singleElement().satisfies(m -> {
            assertThat(m.get("name").asString()).isEqualTo("llama3.2:3b");
            assertThat(m.get("fitsGpu").asBoolean()).as("no GPU on this machine").isFalse();
        });

        Run pull = cli("model", "pull", "qwen2.5:0.5b");
        assertThat(pull.code()).as(pull.err()).isZero();
        assertThat(pull.out()).contains("qwen2.5:0.5b: success");
        assertThat(pull.err()).contains("100.0%");
        assertThat(cli("model", "list", "--json").json()).extracting(m -> m.get("name").asString()).contains("qwen2.5:0.5b");

        assertThat(cli("model", "rm", "qwen2.5:0.5b").code()).isZero();
        assertThat(cli("model", "list", "--json").json()).extracting(m -> m.get("name").asString()).doesNotContain("qwen2.5:0.5b");

        Run missing = cli("model", "rm", "nope:1b");
        assertThat(missing.code()).isEqualTo(ExitCodes.FAILURE);
    }

    @Test
    void useRemoteThenLocalMovesWhereAnswersComeFrom() {
        Run status = cli("inference", "status", "--json");
        assertThat(status.json().get("remote").get("name").asString()).isEqualTo("gke-l4");
        assertThat(status.json().get("remote").get("gpu").asString()).isEqualTo("nvidia-l4");

        assertThat(cli("inference", "use", "remote", "gke-l4").code()).isZero();
        Run remoteRun = cli("model", "run", "llama3.2:3b", "why", "is", "the", "sky", "blue", "--json");
        assertThat(remoteRun.code()).as(remoteRun.err()).isZero();
        assertThat(remoteRun.json().get("where").asString()).isEqualTo("remote");
        assertThat(remoteRun.json().get("answer").asString()).isEqualTo("remote answer");
        assertThat(remoteRun.out() + remoteRun.err()).doesNotContain("s3cret-token");

        assertThat(cli("inference", "use", "local").code()).isZero();
        Run localRun = cli("model", "run", "llama3.2:3b", "hello", "--json");
        assertThat(localRun.json().get("answer").asString()).isEqualTo("local answer");

        Run bad = cli("inference", "use", "remote", "no-such-target");
        assertThat(bad.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(bad.err()).contains("gke-l4");
    }

    @Test
    void environmentsWithModelsGetTheGatewayInTheirConnectionStrings() {
        Run env = cli("env", "rag-prototype");
        assertThat(env.code()).as(env.err()).isZero();
        String gateway = services.inference().gatewayUrl().toString();
        assertThat(env.out()).contains("INFERENCE_OLLAMA=" + gateway + "\n").contains("INFERENCE_OPENAI=" + gateway + "/v1");
        assertThat(cli("env", "web-backend").out()).doesNotContain("INFERENCE_");
    }

    @Test
    void theGatewayKeepsOneUrlWhileTheToggleMovesRequests() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        services.inference().save(services.inference().settings().withPlacement(Profile.Placement.LOCAL).withGatewayPort(port));
        try (InferenceGateway gateway = services.inference().startGateway(GatewayListener.NONE);
             OllamaClient app = new OllamaClient(gateway.url())) {
            assertThat(gateway.url().getHost()).isEqualTo("127.0.0.1");
            assertThat(gateway.port()).as("the settings' port, stable across restarts").isEqualTo(port);
            ChatRequest ask = ChatRequest.of("llama3.2:3b", List.of(ChatMessage.user("hi")));
            assertThat(app.chat(ask, c -> { }).message().content()).isEqualTo("local answer");

            services.inference().apply(gateway, Profile.Placement.REMOTE);
            assertThat(app.chat(ask, c -> { }).message().content()).isEqualTo("remote answer");
            assertThat(remote.requests("/api/chat")).isNotEmpty();

            services.inference().apply(gateway, Profile.Placement.LOCAL);
            assertThat(app.chat(ask, c -> { }).message().content()).isEqualTo("local answer");
        }
    }
}
