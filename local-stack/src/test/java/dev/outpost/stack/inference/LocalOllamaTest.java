package dev.outpost.stack.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.sun.net.httpserver.HttpServer;
import dev.outpost.stack.gpu.GpuDetection;
import dev.outpost.stack.inference.LocalOllamaException.Reason;
import dev.outpost.stack.inference.LocalOllamaServer.How;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.platform.OperatingSystem;
import dev.outpost.stack.process.LocalProcessRunner;
import dev.outpost.stack.testing.FakeTool;
import dev.outpost.stack.testing.Hosts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(OS.WINDOWS)
class LocalOllamaTest {
    @TempDir
    Path bin;

    private final List<String> serverLog = new CopyOnWriteArrayList<>();
    private final List<String> progress = new CopyOnWriteArrayList<>();
    private final Consumer<String> progressSink = progress::add;
    private HttpServer stub;
    private LocalOllamaServer server;

    @AfterEach
    void tearDown() {
        if (stub != null) {
            stub.stop(0);
        }
        if (server != null) {
            server.close();
        }
    }

    private static final GpuDetection RTX = PlacementDeciderTest.rtx4090(20_000);
    private static final GpuDetection NO_GPU = new GpuDetection.None("nvidia-smi is not on PATH");

    private static LocalOllama.Options fast() {
        return new LocalOllama.Options(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMillis(50),
                OllamaContainerSpec.DEFAULT_TAG, null, "test");
    }

    private LocalOllama ollama(HostEnvironment env, LocalOllama.Probe probe, Optional<LocalOllama.Containers> c,
                               LocalOllama.Options options) {
        return new LocalOllama(env, new LocalProcessRunner(), probe, c, (stream, line) -> serverLog.add(line), options);
    }

    /** What the real Ollama client will plug in: GET / answers "Ollama is running". */
    static boolean httpProbe(URI base) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("Ollama is running");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private int startStub() throws IOException {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/", ex -> {
            byte[] body = "Ollama is running".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        stub.start();
        return stub.getAddress().getPort();
    }

    private static void eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("condition not met within 10 s").isNegative();
            Thread.sleep(50);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Fails the test if the container path is taken. */
    private static final LocalOllama.Containers NO_CONTAINERS_EXPECTED = new LocalOllama.Containers() {
        @Override
        public String start(OllamaContainerSpec spec, Consumer<String> p) {
            throw new AssertionError("no container should be started");
        }

        @Override
        public boolean isRunning(String name) {
            throw new AssertionError("no container should be asked about");
        }

        @Override
        public String state(String name) {
            return "?";
        }
    };

    /** Records the spec and "runs" it: the probe answers once start was called. */
    private static final class RecordingContainers implements LocalOllama.Containers {
        final List<OllamaContainerSpec> started = new ArrayList<>();
        boolean running = true;

        @Override
        public String start(OllamaContainerSpec spec, Consumer<String> p) {
            started.add(spec);
            p.accept("pulling " + spec.image());
            return "created container " + spec.name() + " from " + spec.image();
        }

        @Override
        public boolean isRunning(String name) {
            return running;
        }

        @Override
        public String state(String name) {
            return "container " + name + " is exited";
        }
    }

    @Test
    void aServerThatAlreadyAnswersIsUsedAndNothingIsStarted() throws Exception {
        int port = startStub();
        Path started = bin.resolve("started");
        FakeTool.named("ollama").expectArgs("serve").body("touch '" + started + "'; exec sleep 30").writeTo(bin);
        HostEnvironment env = Hosts.withPath(OperatingSystem.LINUX, bin, Map.of("OLLAMA_HOST", "127.0.0.1:" + port));

        server = ollama(env, LocalOllamaTest::httpProbe, Optional.of(NO_CONTAINERS_EXPECTED), fast())
                .ensure(RTX, progressSink);

        assertThat(server.how()).isEqualTo(How.ALREADY_RUNNING);
        assertThat(server.baseUri()).isEqualTo(URI.create("http://127.0.0.1:" + port));
        assertThat(server.reason()).isEqualTo("an Ollama server already answers at http://127.0.0.1:" + port
                + " (OLLAMA_HOST) → using it");
        assertThat(server.process()).isEmpty();
        assertThat(started).doesNotExist();
        assertThat(progress).isEmpty();
    }

    @Test
    void aServerOutpostStartsGetsTheIdlePolicysKeepAlive() throws Exception {
        int port = freePort();
        Path record = bin.resolve("record");
        FakeTool.named("ollama").expectArgs("serve").body("echo \"$OLLAMA_KEEP_ALIVE\" > '" + record + "'; exec sleep 30")
                .writeTo(bin);
        LocalOllama.Probe probe = uri -> Files.exists(record);
        HostEnvironment env = Hosts.withPath(OperatingSystem.LINUX, bin, Map.of("OLLAMA_HOST", "127.0.0.1:" + port));

        server = ollama(env, probe, Optional.of(NO_CONTAINERS_EXPECTED), fast().withKeepAlive(Duration.ofMinutes(90)))
                .ensure(RTX, progressSink);

        assertThat(Files.readString(record).strip()).isEqualTo("5400s");
        assertThat(OllamaContainerSpec.of("0.32.15", null, port, false, "t").withKeepAlive("5400s").env())
                .containsExactly("OLLAMA_KEEP_ALIVE=5400s");
    }

    @Test
    void ollamaOnPathIsServedOnLoopbackAndStoppedOnClose() throws Exception {
        int port = freePort();
        Path record = bin.resolve("record");
        // The fake records its arguments and OLLAMA_HOST, says what Ollama says, and "answers" from then on.
        FakeTool.named("ollama").expectArgs("serve").body("echo \"$* OLLAMA_HOST=$OLLAMA_HOST\" > '" + record + "'; "
                + "echo \"Listening on $OLLAMA_HOST (version 0.32.15)\" >&2; exec sleep 30").writeTo(bin);
        URI expected = URI.create("http://127.0.0.1:" + port);
        LocalOllama.Probe probe = uri -> uri.equals(expected) && Files.exists(record);
        // 0.0.0.0 would expose Ollama to the network; Outpost binds loopback on the same port instead.
        HostEnvironment env = Hosts.withPath(OperatingSystem.LINUX, bin, Map.of("OLLAMA_HOST", "0.0.0.0:" + port));

        server = ollama(env, probe, Optional.of(NO_CONTAINERS_EXPECTED), fast()).ensure(RTX, progressSink);

        assertThat(server.how()).isEqualTo(How.STARTED_PROCESS);
        assertThat(server.baseUri()).isEqualTo(expected);
        assertThat(Files.readString(record).strip()).isEqualTo("serve OLLAMA_HOST=127.0.0.1:" + port);
        assertThat(server.reason()).startsWith("nothing answered at http://127.0.0.1:" + port + " (OLLAMA_HOST); started ")
                .endsWith("ollama serve on 127.0.0.1:" + port);
        assertThat(progress).singleElement().asString().contains("serve on 127.0.0.1:" + port);
        eventually(() -> serverLog.contains("Listening on 127.0.0.1:" + port + " (version 0.32.15)"));

        var process = server.process().orElseThrow();
        server.close();
        eventually(() -> !process.isAlive());
    }

    @Test
    void defaultAddressIsUsedWhenOllamaHostIsUnset() throws Exception {
        Path record = bin.resolve("record");
        FakeTool.named("ollama").expectArgs("serve").body("echo \"$OLLAMA_HOST\" > '" + record + "'; exec sleep 30")
                .writeTo(bin);
        LocalOllama.Probe probe = uri -> Files.exists(record);

        server = ollama(Hosts.withPath(OperatingSystem.LINUX, bin), probe, Optional.empty(), fast())
                .ensure(RTX, progressSink);

        assertThat(Files.readString(record).strip()).isEqualTo("127.0.0.1:11434");
        assertThat(server.reason()).contains("(the default address)");
    }

    @Test
    void aServeThatExitsEarlyIsReportedWithItsOutput() throws Exception {
        FakeTool.named("ollama").expectArgs("serve").exitCode(1)
                .stderr("Error: listen tcp 127.0.0.1:11434: bind: address already in use").writeTo(bin);

        assertThatThrownBy(() -> ollama(Hosts.withPath(OperatingSystem.LINUX, bin), uri -> false, Optional.empty(),
                fast()).ensure(RTX, progressSink))
                .isInstanceOfSatisfying(LocalOllamaException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.EXITED);
                    assertThat(e.getMessage()).contains("exit code 1").contains("address already in use");
                });
    }

    @Test
    void aServeThatNeverAnswersIsStoppedAfterTheTimeout() throws Exception {
        Path pid = bin.resolve("pid");
        FakeTool.named("ollama").expectArgs("serve").body("echo $$ > '" + pid + "'; exec sleep 30").writeTo(bin);
        LocalOllama.Options options = new LocalOllama.Options(Duration.ofMillis(600), Duration.ofSeconds(1),
                Duration.ofMillis(50), "x", null, "test");

        assertThatThrownBy(() -> ollama(Hosts.withPath(OperatingSystem.LINUX, bin), uri -> false, Optional.empty(),
                options).ensure(RTX, progressSink))
                .isInstanceOfSatisfying(LocalOllamaException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.DID_NOT_ANSWER));
        long child = Long.parseLong(Files.readString(pid).strip());
        eventually(() -> ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void withoutOllamaTheContainerIsRunWithTheGpusOnLoopback() throws Exception {
        RecordingContainers engine = new RecordingContainers();
        LocalOllama.Probe probe = uri -> !engine.started.isEmpty();
        LocalOllama.Options mirrored = new LocalOllama.Options(Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofMillis(50), OllamaContainerSpec.DEFAULT_TAG, "127.0.0.1:5000", "0.1.0");

        server = ollama(Hosts.withPath(OperatingSystem.LINUX, bin, Map.of("OLLAMA_HOST", "127.0.0.1:21434")), probe,
                Optional.of(engine), mirrored).ensure(RTX, progressSink);

        assertThat(server.how()).isEqualTo(How.STARTED_CONTAINER);
        assertThat(server.container()).contains("outpost-ollama");
        assertThat(server.baseUri()).isEqualTo(URI.create("http://127.0.0.1:21434"));
        assertThat(server.reason()).isEqualTo("nothing answered at http://127.0.0.1:21434 (OLLAMA_HOST) and ollama is "
                + "not on PATH; created container outpost-ollama from 127.0.0.1:5000/ollama/ollama:0.32.15, on 127.0.0.1:21434");
        assertThat(progress).contains("pulling 127.0.0.1:5000/ollama/ollama:0.32.15");

        OllamaContainerSpec spec = engine.started.getFirst();
        assertThat(spec.image()).isEqualTo("127.0.0.1:5000/ollama/ollama:0.32.15");
        assertThat(spec.nvidiaGpu()).isTrue();
        assertThat(spec.labels()).containsEntry("dev.outpost.component", "ollama").containsEntry("dev.outpost.version", "0.1.0")
                .doesNotContainKey("dev.outpost.managed");
        HostConfig host = spec.hostConfig();
        Ports.Binding[] bindings = host.getPortBindings().getBindings().get(ExposedPort.tcp(11434));
        assertThat(bindings).singleElement().satisfies(b -> {
            assertThat(b.getHostIp()).isEqualTo("127.0.0.1");
            assertThat(b.getHostPortSpec()).isEqualTo("21434");
        });
        assertThat(host.getDeviceRequests()).singleElement().satisfies((DeviceRequest d) -> {
            assertThat(d.getDriver()).isEqualTo("nvidia");
            assertThat(d.getCount()).isEqualTo(-1);
            assertThat(d.getCapabilities()).isEqualTo(List.of(List.of("gpu")));
        });
        assertThat(host.getBinds()).singleElement().satisfies(b -> {
            assertThat(b.getPath()).isEqualTo("outpost-ollama-models");
            assertThat(b.getVolume().getPath()).isEqualTo("/root/.ollama");
        });
        assertThat(host.getRestartPolicy().getName()).isEqualTo("unless-stopped");
    }

    @Test
    void withoutAnNvidiaGpuTheContainerAsksForNone() throws Exception {
        RecordingContainers engine = new RecordingContainers();

        server = ollama(Hosts.withPath(OperatingSystem.LINUX, bin), uri -> !engine.started.isEmpty(),
                Optional.of(engine), fast()).ensure(NO_GPU, progressSink);

        OllamaContainerSpec spec = engine.started.getFirst();
        assertThat(spec.image()).isEqualTo("docker.io/ollama/ollama:0.32.15");
        assertThat(spec.nvidiaGpu()).isFalse();
        assertThat(spec.hostConfig().getDeviceRequests()).isNullOrEmpty();
    }

    @Test
    void aContainerThatStopsIsReported() {
        RecordingContainers engine = new RecordingContainers();
        engine.running = false;

        assertThatThrownBy(() -> ollama(Hosts.withPath(OperatingSystem.LINUX, bin), uri -> false, Optional.of(engine),
                fast()).ensure(RTX, progressSink))
                .isInstanceOfSatisfying(LocalOllamaException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.EXITED);
                    assertThat(e.getMessage()).contains("container outpost-ollama is exited");
                });
    }

    @Test
    void nothingToStartSaysWhatToInstall() {
        assertThatThrownBy(() -> ollama(Hosts.withPath(OperatingSystem.LINUX, bin), uri -> false, Optional.empty(),
                fast()).ensure(RTX, progressSink))
                .isInstanceOfSatisfying(LocalOllamaException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOTHING_TO_START);
                    assertThat(e.advice()).contains("https://ollama.com/download");
                });
    }

    @Test
    void anotherMachineInOllamaHostIsNotStartedHere() throws Exception {
        FakeTool.named("ollama").expectArgs("serve").body("exec sleep 30").writeTo(bin);
        HostEnvironment env = Hosts.withPath(OperatingSystem.LINUX, bin, Map.of("OLLAMA_HOST", "gpu-box.lan:11434"));

        assertThatThrownBy(() -> ollama(env, uri -> false, Optional.empty(), fast()).ensure(RTX, progressSink))
                .isInstanceOfSatisfying(LocalOllamaException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_LOCAL));
    }

    @Test
    void aProbeThatThrowsCountsAsNoAnswer() throws Exception {
        Path record = bin.resolve("record");
        FakeTool.named("ollama").expectArgs("serve").body("touch '" + record + "'; exec sleep 30").writeTo(bin);
        LocalOllama.Probe probe = uri -> {
            if (!Files.exists(record)) {
                throw new IllegalStateException("connection refused");
            }
            return true;
        };

        server = ollama(Hosts.withPath(OperatingSystem.LINUX, bin), probe, Optional.empty(), fast())
                .ensure(RTX, progressSink);

        assertThat(server.how()).isEqualTo(How.STARTED_PROCESS);
    }
}
