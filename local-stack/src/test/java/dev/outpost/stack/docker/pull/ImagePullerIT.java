package dev.outpost.stack.docker.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PushResponseItem;
import dev.outpost.stack.docker.DockerClients;
import dev.outpost.stack.docker.DockerEndpointResolver;
import dev.outpost.stack.docker.pull.ImagePullException.Reason;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.process.Command;
import dev.outpost.stack.process.LocalProcessRunner;
import dev.outpost.stack.process.ProcessRunner;
import dev.outpost.stack.process.RunningProcess;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against the machine's real engine and a real registry: Debian's {@code docker-registry} (distribution 2.8),
 * started by this test on a free loopback port with htpasswd authentication. Engines treat 127.0.0.0/8
 * registries as insecure by default, so plain HTTP works with no engine setting. The images are made here
 * from tarballs of random bytes, pushed, and removed locally before each pull; nothing comes from the network.
 * Needs {@code docker-registry} and {@code htpasswd} (Debian packages docker-registry and apache2-utils), and
 * the docker CLI on PATH, like {@code EngineProbeIT}.
 */
@Timeout(120)
class ImagePullerIT {
    private static final String REGISTRY_BINARY = "/usr/bin/docker-registry";
    private static final String USER = "outpost";
    private static final String PASSWORD = "pull-test-" + Long.toHexString(new SecureRandom().nextLong());

    @TempDir
    static Path dir;

    private static final ProcessRunner RUNNER = new LocalProcessRunner();
    private static final List<String> registryLog = new CopyOnWriteArrayList<>();
    private record LogWait(String text, CompletableFuture<String> line) {
    }

    private static final List<LogWait> logWaiters = new CopyOnWriteArrayList<>();
    private static RunningProcess registry;
    private static int port;
    private static GatedRelay relay;
    private static DockerClient docker;
    private static String tiny;
    private static String big;
    private static Optional<AuthConfig> auth;

    @BeforeAll
    static void startRegistryAndPushImages() throws Exception {
        assertThat(Path.of(REGISTRY_BINARY)).as(REGISTRY_BINARY + " is needed to run a local registry: "
                + "apt-get install docker-registry apache2-utils").isExecutable();
        port = freePort();
        registry = startRegistry();
        relay = new GatedRelay(port);
        docker = DockerClients.create(new DockerEndpointResolver(HostEnvironment.current()).resolve(), Duration.ZERO);
        auth = credentialsFromDockerConfig();
        tiny = "127.0.0.1:" + port + "/test/tiny:1";
        big = "127.0.0.1:" + port + "/test/big:1";
        importImage(tiny, 1_000_000);
        importImage(big, 8_000_000);
        push(tiny);
        push(big);
    }

    @AfterAll
    static void stop() throws Exception {
        if (docker != null) {
            for (String image : new String[] {tiny, big, throughRelay(big)}) {
                removeLocal(image);
            }
            docker.close();
        }
        if (relay != null) {
            relay.close();
        }
        if (registry != null) {
            registry.cancel();
        }
    }

    @BeforeEach
    void noLocalCopies() {
        removeLocal(tiny);
        removeLocal(big);
        removeLocal(throughRelay(big));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static RunningProcess startRegistry() throws Exception {
        Path htpasswd = dir.resolve("htpasswd");
        String entry = RUNNER.runChecked(Command.of("htpasswd", "-iBn", USER)
                .withStdin(PASSWORD.getBytes(StandardCharsets.UTF_8)).withTimeout(Duration.ofSeconds(30)))
                .stdoutText().strip();
        Files.writeString(htpasswd, entry + "\n");
        Path config = dir.resolve("registry.yml");
        Files.writeString(config, """
                version: 0.1
                log:
                  level: info
                storage:
                  filesystem:
                    rootdirectory: %s
                http:
                  addr: 127.0.0.1:%d
                auth:
                  htpasswd:
                    realm: outpost-test
                    path: %s
                """.formatted(dir.resolve("storage"), port, htpasswd));
        CompletableFuture<String> listening = waitForLog("listening on 127.0.0.1:" + port);
        RunningProcess p = RUNNER.start(Command.of(REGISTRY_BINARY, "serve", config.toString())
                .withTimeout(Duration.ofHours(1)), (stream, line) -> {
                    registryLog.add(line);
                    logWaiters.stream().filter(w -> line.contains(w.text())).forEach(w -> w.line().complete(line));
                });
        listening.get(30, TimeUnit.SECONDS);
        return p;
    }

    /** Completes with the first registry log line, from now on, that contains {@code text}. */
    private static CompletableFuture<String> waitForLog(String text) {
        LogWait w = new LogWait(text, new CompletableFuture<>());
        logWaiters.add(w);
        return w.line();
    }

    /** The credentials as Outpost would find them: from a docker config.json, through RegistryCredentials. */
    private static Optional<AuthConfig> credentialsFromDockerConfig() throws IOException {
        Path dockerConfig = Files.createDirectories(dir.resolve("docker-config"));
        String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        Files.writeString(dockerConfig.resolve("config.json"),
                "{\"auths\": {\"127.0.0.1:" + port + "\": {\"auth\": \"" + basic + "\"}}}");
        HostEnvironment env = HostEnvironment.current().with(Map.of("DOCKER_CONFIG", dockerConfig.toString()));
        Optional<AuthConfig> found = new RegistryCredentials(env, RUNNER).forImage("127.0.0.1:" + port + "/test/tiny:1");
        assertThat(found).isPresent();
        return found;
    }

    /** An image of one layer holding {@code bytes} random bytes, which no compression shrinks. */
    private static void importImage(String image, int bytes) throws Exception {
        Path root = Files.createDirectories(dir.resolve("rootfs-" + bytes));
        byte[] data = new byte[bytes];
        new SecureRandom().nextBytes(data);
        Files.write(root.resolve("payload.bin"), data);
        Path tar = dir.resolve("rootfs-" + bytes + ".tar");
        RUNNER.runChecked(Command.of("tar", "-C", root.toString(), "-cf", tar.toString(), ".")
                .withTimeout(Duration.ofSeconds(60)));
        // docker-java's createImageCmd sends the tarball as a JSON entity (docker-java issue 2377): use the CLI.
        RUNNER.runChecked(Command.of("docker", "import", tar.toString(), image).withTimeout(Duration.ofSeconds(60)));
    }

    private static void push(String image) throws Exception {
        int colon = image.lastIndexOf(':');
        List<String> errors = new CopyOnWriteArrayList<>();
        ResultCallback.Adapter<PushResponseItem> done = docker.pushImageCmd(image.substring(0, colon))
                .withTag(image.substring(colon + 1)).withAuthConfig(auth.orElseThrow())
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(PushResponseItem item) {
                        if (item.isErrorIndicated()) {
                            errors.add(item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : item.getError());
                        }
                    }
                });
        assertThat(done.awaitCompletion(60, TimeUnit.SECONDS)).as("push of " + image + " finished").isTrue();
        assertThat(errors).as("push of " + image).isEmpty();
    }

    private static void removeLocal(String image) {
        try {
            docker.removeImageCmd(image).withForce(true).exec();
        } catch (NotFoundException e) {
            // not there: nothing to remove
        }
    }

    private static boolean presentLocally(String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static String throughRelay(String image) {
        return image.replace("127.0.0.1:" + port + "/", "127.0.0.1:" + relay.port() + "/");
    }

    private static ImagePullException pullFailure(CompletableFuture<PullOutcome> f) {
        Throwable t = assertThatThrownBy(() -> f.get(60, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).actual().getCause();
        assertThat(t).isInstanceOf(ImagePullException.class);
        return (ImagePullException) t;
    }

    /**
     * How often the registry has served the manifest of {@code repository:tag}, from its access log: one line per
     * tag resolution, which every engine pull makes. Counted once a later request of ours has been logged: the
     * registry logs each request after answering it.
     */
    private static long tagResolutions(String repository, String tag) throws Exception {
        String marker = "/v2/outpost-marker-" + System.nanoTime() + "/manifests/x";
        CompletableFuture<String> logged = waitForLog(marker);
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + marker)).build(),
                HttpResponse.BodyHandlers.discarding());
        logged.get(30, TimeUnit.SECONDS);
        Pattern served = Pattern.compile("\"(HEAD|GET) /v2/" + Pattern.quote(repository) + "/manifests/"
                + Pattern.quote(tag) + " HTTP/1\\.1\" 200 ");
        return registryLog.stream().filter(l -> served.matcher(l).find()).count();
    }

    @Test
    void pullsFromTheRegistryWithProgressAndTheImageIsThereAfterwards() throws Exception {
        List<PullProgress> seen = new CopyOnWriteArrayList<>();
        try (ImagePuller puller = new ImagePuller(docker)) {
            PullOutcome outcome = puller.pull(tiny, auth, seen::add).get(60, TimeUnit.SECONDS);

            assertThat(outcome.result()).isEqualTo(PullOutcome.Result.PULLED);
            assertThat(seen).anySatisfy(p -> assertThat(p.bytesTotal()).isGreaterThan(0));
            assertThat(seen.getLast().percent()).isEqualTo(100.0);
            assertThat(seen.getLast().bytesDone()).isGreaterThan(1_000_000);
            assertThat(outcome.finalProgress().layersDone()).isEqualTo(1);
            assertThat(outcome.digest()).hasValueSatisfying(d -> assertThat(d).startsWith("sha256:"));
            assertThat(outcome.imageId()).contains(docker.inspectImageCmd(tiny).exec().getId());

            PullOutcome again = puller.pull(tiny, auth, PullListener.NONE).get(60, TimeUnit.SECONDS);
            assertThat(again.result()).isEqualTo(PullOutcome.Result.ALREADY_PRESENT);
            PullOutcome refreshed = puller.pull(tiny, auth, PullListener.NONE, ImagePuller.Policy.ALWAYS)
                    .get(60, TimeUnit.SECONDS);
            assertThat(refreshed.result()).isEqualTo(PullOutcome.Result.UP_TO_DATE);
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndTheMessageDoesNotShowIt() throws Exception {
        String wrong = "not-the-password-" + Long.toHexString(new SecureRandom().nextLong());
        Optional<AuthConfig> bad = Optional.of(new AuthConfig().withUsername(USER).withPassword(wrong)
                .withRegistryAddress("127.0.0.1:" + port));
        try (ImagePuller puller = new ImagePuller(docker)) {
            ImagePullException e = pullFailure(puller.pull(tiny, bad, PullListener.NONE));

            assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED);
            assertThat(e.getMessage()).startsWith("registry 127.0.0.1:" + port + " refused the credentials for test/tiny:1")
                    .doesNotContain(wrong).doesNotContain(PASSWORD);
            assertThat(presentLocally(tiny)).isFalse();
        }
    }

    @Test
    void anUnknownImageIsNotFound() throws Exception {
        try (ImagePuller puller = new ImagePuller(docker)) {
            ImagePullException e = pullFailure(puller.pull("127.0.0.1:" + port + "/test/nope:1", auth,
                    PullListener.NONE));

            assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
            assertThat(e.getMessage()).startsWith("image test/nope:1 not found in registry 127.0.0.1:" + port);
        }
    }

    @Test
    void twoConcurrentPullsOfTheSameImageAreOnePull() throws Exception {
        long before = tagResolutions("test/tiny", "1");
        try (ImagePuller solo = new ImagePuller(docker)) {
            solo.pull(tiny, auth, PullListener.NONE).get(60, TimeUnit.SECONDS);
        }
        long onePull = tagResolutions("test/tiny", "1") - before;
        assertThat(onePull).as("tag resolutions of one pull").isPositive();
        removeLocal(tiny);

        // The engine's pull command waits for this gate, so the second caller surely arrives while the first pull
        // is in flight.
        AtomicInteger pullCommands = new AtomicInteger();
        CompletableFuture<Void> entered = new CompletableFuture<>();
        CompletableFuture<Void> gate = new CompletableFuture<>();
        DockerClient counting = (DockerClient) Proxy.newProxyInstance(DockerClient.class.getClassLoader(),
                new Class<?>[] {DockerClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("pullImageCmd")) {
                        pullCommands.incrementAndGet();
                        entered.complete(null);
                        gate.get(60, TimeUnit.SECONDS);
                    }
                    try {
                        return method.invoke(docker, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        List<PullProgress> first = new CopyOnWriteArrayList<>();
        List<PullProgress> second = new CopyOnWriteArrayList<>();
        long start = tagResolutions("test/tiny", "1");
        try (ImagePuller puller = new ImagePuller(counting)) {
            CompletableFuture<PullOutcome> a = puller.pull(tiny, auth, first::add);
            entered.get(30, TimeUnit.SECONDS);
            CompletableFuture<PullOutcome> b = puller.pull(tiny, auth, second::add);
            gate.complete(null);

            PullOutcome outcome = a.get(60, TimeUnit.SECONDS);
            assertThat(b.get(60, TimeUnit.SECONDS)).isSameAs(outcome);
            assertThat(outcome.result()).isEqualTo(PullOutcome.Result.PULLED);
        }
        assertThat(pullCommands).hasValue(1);
        assertThat(tagResolutions("test/tiny", "1") - start).as("the registry saw one pull").isEqualTo(onePull);
        assertThat(first.getLast().percent()).isEqualTo(100.0);
        assertThat(second.getLast().percent()).isEqualTo(100.0);
    }

    @Test
    void cancellingMidPullStopsTheEngineAndLeavesNoImage() throws Exception {
        String image = throughRelay(big);
        // 160 kB/s after the first 512 kB: the 8 MB layer would take most of a minute.
        relay.trickle(512 * 1024, 8 * 1024, Duration.ofMillis(50));
        CompletableFuture<PullProgress> downloading = new CompletableFuture<>();
        try (ImagePuller puller = new ImagePuller(docker)) {
            CompletableFuture<PullOutcome> pull = puller.pull(image, auth, p -> {
                if (p.bytesDone() > 0) {
                    downloading.complete(p);
                }
            });
            assertThat(relay.awaitLimitReached(Duration.ofSeconds(30))).as("the download reached the slow part").isTrue();
            assertThat(downloading.get(30, TimeUnit.SECONDS).percent()).isLessThan(100.0);

            pull.cancel(true);

            assertThat(relay.awaitEngineClosedLimitedConnection(Duration.ofSeconds(30)))
                    .as("the engine dropped the download once the stream was closed").isTrue();
            assertThatThrownBy(() -> pull.get(1, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
            assertThat(presentLocally(image)).isFalse();

            relay.release();
            PullOutcome later = puller.pull(image, auth, PullListener.NONE).get(60, TimeUnit.SECONDS);
            assertThat(later.result()).isEqualTo(PullOutcome.Result.PULLED);
        } finally {
            relay.release();
        }
    }

    /**
     * A registry that stops sending mid-layer. The engine itself waits on such a download for as long as the
     * connection lives, even after its client has gone: it notices the cancellation only at its next read, so
     * the test lets data through again and then expects the engine to hang up rather than finish.
     */
    @Test
    void aDownloadThatStopsIsAStall() throws Exception {
        String image = throughRelay(big);
        relay.hold(512 * 1024);
        try (ImagePuller puller = new ImagePuller(docker, Duration.ofSeconds(3), InstantSource.system())) {
            ImagePullException e = pullFailure(puller.pull(image, auth, PullListener.NONE));

            assertThat(e.reason()).isEqualTo(Reason.STALLED);
            assertThat(e.getMessage()).startsWith("pull of " + image + " stalled: no data for 3 s");
            assertThat(relay.awaitLimitReached(Duration.ZERO)).as("the stall came from the held layer").isTrue();

            relay.release();
            assertThat(relay.awaitEngineClosedLimitedConnection(Duration.ofSeconds(30)))
                    .as("the engine gave up the download").isTrue();
            assertThat(presentLocally(image)).isFalse();
        } finally {
            relay.release();
        }
    }
}
