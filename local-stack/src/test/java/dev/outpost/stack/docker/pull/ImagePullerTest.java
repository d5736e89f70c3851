package dev.outpost.stack.docker.pull;

import static dev.outpost.stack.docker.pull.FakePullEngine.line;
import static dev.outpost.stack.docker.pull.FakePullEngine.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.AuthConfig;
import dev.outpost.stack.docker.DockerClients;
import dev.outpost.stack.docker.DockerEndpoint;
import dev.outpost.stack.docker.DockerTls;
import dev.outpost.stack.docker.pull.FakePullEngine.Hold;
import dev.outpost.stack.docker.pull.FakePullEngine.Step;
import dev.outpost.stack.docker.pull.ImagePullException.Reason;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ImagePuller through docker-java against {@link FakePullEngine} on a real socket. */
@Timeout(60)
class ImagePullerTest {
    private static final String IMAGE = "127.0.0.1:5000/rec/multi:1";
    private static final Optional<AuthConfig> ALICE = Optional.of(new AuthConfig()
            .withUsername("alice").withPassword("s3cret-pw").withRegistryAddress("127.0.0.1:5000"));

    private FakePullEngine engine;
    private DockerClient client;
    private ImagePuller puller;

    @BeforeEach
    void setUp() throws Exception {
        engine = new FakePullEngine();
        client = engine.client();
        puller = new ImagePuller(client, Duration.ofSeconds(30), InstantSource.system());
    }

    @AfterEach
    void tearDown() throws Exception {
        puller.close();
        client.close();
        engine.close();
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    private static Throwable failureOf(CompletableFuture<?> f) {
        return assertThatThrownBy(() -> await(f)).isInstanceOf(ExecutionException.class).actual().getCause();
    }

    private static List<Step> held(List<Step> before, CompletableFuture<Void> gate, List<Step> after) {
        List<Step> all = new ArrayList<>(before);
        all.add(new Hold(gate));
        all.addAll(after);
        return all;
    }

    @Test
    void theEnginesProgressReachesTheListenerAndTheOutcomeDescribesTheImage() throws Exception {
        engine.onPull(IMAGE, lines(PullMessages.text("fresh-interleaved")));
        List<PullProgress> seen = new CopyOnWriteArrayList<>();

        PullOutcome outcome = await(puller.pull(IMAGE, Optional.empty(), seen::add));

        assertThat(engine.pulls()).containsExactly(
                new FakePullEngine.PullRequest("127.0.0.1:5000/rec/multi", "1", Optional.empty()));
        assertThat(outcome.result()).isEqualTo(PullOutcome.Result.PULLED);
        assertThat(outcome.image()).isEqualTo(IMAGE);
        assertThat(outcome.imageId()).contains("sha256:" + "f".repeat(64));
        assertThat(outcome.digest()).contains("sha256:ac450ecc097588e0d5f32407d5861a58e1d10f76299c5e35910015f9a57d44c7");
        assertThat(outcome.finalProgress().percent()).isEqualTo(100.0);
        assertThat(outcome.finalProgress().bytesTotal()).isEqualTo(20_306_899);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(92);
        assertThat(seen).anySatisfy(p -> assertThat(p.percent()).isBetween(1.0, 99.0));
        assertThat(seen.getLast().finished()).isTrue();
    }

    @Test
    void credentialsTravelInTheRegistryAuthHeader() throws Exception {
        engine.onPull(IMAGE, lines(PullMessages.text("up-to-date")));

        await(puller.pull(IMAGE, ALICE, PullListener.NONE));

        String auth = engine.pulls().getFirst().auth().orElseThrow();
        assertThat(auth).contains("\"username\":\"alice\"").contains("\"password\":\"s3cret-pw\"");
    }

    @Test
    void anImageThatIsThereAlreadyIsNotPulledUnlessAskedTo() throws Exception {
        engine.imagePresent(IMAGE, "sha256:abc");
        engine.onPull(IMAGE, lines(PullMessages.text("up-to-date")));

        PullOutcome skipped = await(puller.pull(IMAGE, Optional.empty(), PullListener.NONE));
        assertThat(skipped.result()).isEqualTo(PullOutcome.Result.ALREADY_PRESENT);
        assertThat(skipped.imageId()).contains("sha256:abc");
        assertThat(skipped.finalProgress().percent()).isEqualTo(100.0);
        assertThat(engine.pulls()).isEmpty();

        PullOutcome refreshed = await(puller.pull(IMAGE, Optional.empty(), PullListener.NONE,
                ImagePuller.Policy.ALWAYS));
        assertThat(refreshed.result()).isEqualTo(PullOutcome.Result.UP_TO_DATE);
        assertThat(engine.pulls()).hasSize(1);
    }

    @Test
    void concurrentPullsOfTheSameImageShareOneAndAllHearItsProgress() throws Exception {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        List<Step> script = lines(PullMessages.text("some-layers-exist"));
        engine.onPull("docker.io/library/redis:7", held(script.subList(0, 5), gate, script.subList(5, script.size())));
        List<PullProgress> first = new CopyOnWriteArrayList<>();
        List<PullProgress> second = new CopyOnWriteArrayList<>();

        CompletableFuture<PullOutcome> a = puller.pull("redis:7", Optional.empty(), first::add);
        engine.pullStreaming().get(30, TimeUnit.SECONDS);
        // Another spelling of the same image, asked while the first pull is held mid-stream.
        CompletableFuture<PullOutcome> b = puller.pull("docker.io/library/redis:7", Optional.empty(), second::add);
        assertThat(second).as("a late caller hears the progress so far at once").isNotEmpty();
        gate.complete(null);

        PullOutcome outcomeA = await(a);
        PullOutcome outcomeB = await(b);
        assertThat(engine.pulls()).hasSize(1);
        assertThat(outcomeB).isSameAs(outcomeA);
        assertThat(outcomeA.image()).isEqualTo("docker.io/library/redis:7");
        assertThat(first.getLast().finished()).isTrue();
        assertThat(second.getLast().finished()).isTrue();
        assertThat(second.getLast().bytesDone()).isEqualTo(5_001_729);
    }

    @Test
    void aFailureReachesEveryCallerSharingThePull() throws Exception {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        engine.onPull(IMAGE, held(List.of(line("{\"status\":\"Pulling from rec/multi\",\"id\":\"1\"}")), gate,
                List.of(line("{\"errorDetail\":{\"message\":\"unexpected EOF\"},\"error\":\"unexpected EOF\"}"))));

        CompletableFuture<PullOutcome> a = puller.pull(IMAGE, Optional.empty(), PullListener.NONE);
        engine.pullStreaming().get(30, TimeUnit.SECONDS);
        CompletableFuture<PullOutcome> b = puller.pull(IMAGE, Optional.empty(), PullListener.NONE);
        gate.complete(null);

        Throwable errorA = failureOf(a);
        assertThat(failureOf(b)).isSameAs(errorA);
        assertThat(errorA).isInstanceOf(ImagePullException.class)
                .hasMessage("pull of 127.0.0.1:5000/rec/multi:1 failed: unexpected EOF");
        assertThat(((ImagePullException) errorA).reason()).isEqualTo(Reason.FAILED);
    }

    @Test
    void oneCallerCancellingLeavesTheSharedPullToTheOthers() throws Exception {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        List<Step> script = lines(PullMessages.text("fresh-interleaved"));
        engine.onPull(IMAGE, held(script.subList(0, 10), gate, script.subList(10, script.size())));

        CompletableFuture<PullOutcome> leaving = puller.pull(IMAGE, Optional.empty(), PullListener.NONE);
        engine.pullStreaming().get(30, TimeUnit.SECONDS);
        CompletableFuture<PullOutcome> staying = puller.pull(IMAGE, Optional.empty(), PullListener.NONE);
        assertThat(leaving.cancel(true)).isTrue();
        gate.complete(null);

        assertThat(await(staying).result()).isEqualTo(PullOutcome.Result.PULLED);
        assertThat(leaving).isCancelled();
        assertThat(engine.hangUps()).isZero();
        assertThat(engine.pulls()).hasSize(1);
    }

    @Test
    void cancellingTheLastCallerClosesTheStreamAndTheNextPullStartsAfresh() throws Exception {
        List<Step> script = lines(PullMessages.text("fresh-interleaved"));
        engine.onPull(IMAGE, held(script.subList(0, 10), new CompletableFuture<>(), List.of()));
        List<PullProgress> seen = new CopyOnWriteArrayList<>();

        CompletableFuture<PullOutcome> pull = puller.pull(IMAGE, Optional.empty(), seen::add);
        engine.pullStreaming().get(30, TimeUnit.SECONDS);
        pull.cancel(true);

        assertThat(engine.awaitHangUp(Duration.ofSeconds(20))).as("the engine saw the stream closed").isTrue();
        assertThatThrownBy(pull::join).isInstanceOf(CancellationException.class);
        engine.onPull(IMAGE, script);
        PullOutcome again = await(puller.pull(IMAGE, Optional.empty(), PullListener.NONE));
        assertThat(again.result()).isEqualTo(PullOutcome.Result.PULLED);
        assertThat(engine.pulls()).hasSize(2);
    }

    @Test
    void anEngineThatFallsSilentIsAStallAndTheStreamIsClosed() throws Exception {
        try (ImagePuller impatient = new ImagePuller(client, Duration.ofMillis(300), InstantSource.system())) {
            List<Step> script = lines(PullMessages.text("fresh-interleaved"));
            engine.onPull(IMAGE, held(script.subList(0, 12), new CompletableFuture<>(), List.of()));

            CompletableFuture<PullOutcome> pull = impatient.pull(IMAGE, Optional.empty(), PullListener.NONE);

            Throwable error = failureOf(pull);
            assertThat(error).isInstanceOf(ImagePullException.class)
                    .hasMessageStartingWith("pull of 127.0.0.1:5000/rec/multi:1 stalled: no data for 300 ms");
            assertThat(((ImagePullException) error).reason()).isEqualTo(Reason.STALLED);
            assertThat(engine.awaitHangUp(Duration.ofSeconds(20))).isTrue();
        }
    }

    @Test
    void anEngineThatDiesMidPullIsReportedAsGone() throws Exception {
        List<Step> script = new ArrayList<>(lines(PullMessages.text("fresh-interleaved")).subList(0, 20));
        script.add(new FakePullEngine.Drop());
        engine.onPull(IMAGE, script);

        Throwable error = failureOf(puller.pull(IMAGE, Optional.empty(), PullListener.NONE));

        assertThat(error).isInstanceOf(ImagePullException.class)
                .hasMessageStartingWith("the container engine stopped answering during the pull of " + IMAGE);
        assertThat(((ImagePullException) error).reason()).isEqualTo(Reason.ENGINE_GONE);
    }

    @Test
    void noEngineAtAllIsReportedAsGone() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        DockerEndpoint nowhere = new DockerEndpoint(URI.create("tcp://127.0.0.1:" + port),
                DockerEndpoint.Source.DOCKER_HOST, "nothing", Optional.empty(), DockerTls.none());
        try (DockerClient absent = DockerClients.create(nowhere, Duration.ZERO);
             ImagePuller p = new ImagePuller(absent)) {
            Throwable error = failureOf(p.pull(IMAGE, Optional.empty(), PullListener.NONE));

            assertThat(error).isInstanceOf(ImagePullException.class)
                    .hasMessageStartingWith("the container engine did not answer the pull of " + IMAGE);
            assertThat(((ImagePullException) error).reason()).isEqualTo(Reason.ENGINE_GONE);
        }
    }

    @Test
    void refusedCredentialsAreNamedWithoutThePassword() throws Exception {
        engine.refusePull("127.0.0.1:5000/library/postgres:16", 500, "unauthorized: authentication required");

        Throwable error = failureOf(puller.pull("127.0.0.1:5000/library/postgres:16", ALICE, PullListener.NONE));

        assertThat(error).isInstanceOf(ImagePullException.class)
                .hasMessageStartingWith("registry 127.0.0.1:5000 refused the credentials for library/postgres:16 "
                        + "(unauthorized: authentication required)")
                .hasMessageNotContaining("s3cret-pw");
        assertThat(((ImagePullException) error).reason()).isEqualTo(Reason.UNAUTHORIZED);
    }

    @Test
    void anUnknownImageIsNotFoundInItsRegistry() throws Exception {
        engine.refusePull("127.0.0.1:5000/team/nope:1", 404,
                "manifest for 127.0.0.1:5000/team/nope:1 not found: manifest unknown: manifest unknown");

        Throwable error = failureOf(puller.pull("127.0.0.1:5000/team/nope:1", Optional.empty(), PullListener.NONE));

        assertThat(error).isInstanceOf(ImagePullException.class)
                .hasMessage("image team/nope:1 not found in registry 127.0.0.1:5000 (manifest for "
                        + "127.0.0.1:5000/team/nope:1 not found: manifest unknown: manifest unknown)");
        assertThat(((ImagePullException) error).reason()).isEqualTo(Reason.NOT_FOUND);
    }

    @Test
    void aRegistryThatRefusesConnectionsCannotBeReached() throws Exception {
        engine.refusePull("127.0.0.1:5998/team/api:1", 500,
                "Get \"http://127.0.0.1:5998/v2/\": dial tcp 127.0.0.1:5998: connect: connection refused");

        Throwable error = failureOf(puller.pull("127.0.0.1:5998/team/api:1", Optional.empty(), PullListener.NONE));

        assertThat(error).hasMessageStartingWith("registry 127.0.0.1:5998 cannot be reached (Get ");
        assertThat(((ImagePullException) error).reason()).isEqualTo(Reason.REGISTRY_UNREACHABLE);
    }

    @Test
    void aListenerThatThrowsDoesNotBreakThePull() throws Exception {
        engine.onPull(IMAGE, lines(PullMessages.text("fresh-interleaved")));

        PullOutcome outcome = await(puller.pull(IMAGE, Optional.empty(), p -> {
            throw new IllegalStateException("listener bug");
        }));

        assertThat(outcome.result()).isEqualTo(PullOutcome.Result.PULLED);
    }
}
