package dev.outpost.profiles.sync;

import static dev.outpost.profiles.sync.Upstream.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.outpost.profiles.credentials.MapTokenStore;
import dev.outpost.profiles.credentials.TokenStore;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sync and push over HTTP to JGit's Git server on 127.0.0.1, which wants a token. */
class HttpSyncTest {
    private static final String TOKEN = "glpat-s3cr3t-T0KEN-value";
    private static final String ML = "profiles/team/ml.yaml";

    @TempDir
    Path tmp;

    private Upstream upstream;
    private RevCommit first;
    private TokenGitServer server;
    private final TokenStore tokens = new MapTokenStore();

    @BeforeEach
    void start() throws Exception {
        upstream = Upstream.create(tmp.resolve("server"));
        first = upstream.commit("Initial platform", files("platform.yaml", "name: acme\n", ML, "services: []\n"));
        server = TokenGitServer.http(upstream.bareRepository(), TOKEN);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        upstream.close();
    }

    private PlatformRepository platform(String url) {
        return new PlatformRepository(PlatformConfig.of(url, "ann"), tmp.resolve("clone"), tokens, new MarkedInvalid());
    }

    private PlatformConfig config() {
        return PlatformConfig.of(server.url(), "ann");
    }

    /** The token must not appear in any message of the failure or of its causes. */
    private static void assertNoToken(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN);
            assertThat(t.toString()).doesNotContain(TOKEN);
        }
    }

    @Test
    void syncAndPushWithTheToken() throws Exception {
        tokens.put(config().tokenAccount(), TOKEN);
        PlatformRepository platform = platform(server.url());

        SyncResult r = platform.sync(SyncListener.NONE, CancellationToken.NONE);

        assertThat(r).isInstanceOf(SyncResult.Updated.class);
        assertThat(platform.currentTree().orElseThrow().resolve(ML)).hasContent("services: []");
        assertThat(server.userNamesSeen).isNotEmpty().allMatch(PlatformConfig.DEFAULT_TOKEN_USER::equals);

        Files.createDirectories(platform.userProfiles());
        Files.writeString(platform.userProfiles().resolve("mine.yaml"), "services: [postgres]\n");
        assertThat(platform.push(SyncListener.NONE, CancellationToken.NONE)).isInstanceOf(PushResult.Pushed.class);
        assertThat(upstream.read("profiles/users/ann/mine.yaml")).isEqualTo("services: [postgres]\n");
    }

    @Test
    void aWrongTokenIsAClearErrorAndTheLastGoodVersionStays() throws Exception {
        tokens.put(config().tokenAccount(), TOKEN);
        PlatformRepository platform = platform(server.url());
        platform.sync(SyncListener.NONE, CancellationToken.NONE);
        upstream.commit("Newer", files(ML, "services: [redis]\n"));
        String wrong = "glpat-wrong-" + TOKEN;
        tokens.put(config().tokenAccount(), wrong);

        CredentialsRefusedException e = catchThrowableOfType(CredentialsRefusedException.class,
                () -> platform.sync(SyncListener.NONE, CancellationToken.NONE));

        assertThat(e).hasMessage("The token was refused by 127.0.0.1. Store a new token in the platform settings.");
        assertThat(e.lastGood()).map(LastGood::commitId).contains(first.name());
        assertNoToken(e);
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(wrong);
        }
        assertThat(platform.lastGood()).map(LastGood::commitId).contains(first.name());
        assertThat(platform.currentTree().orElseThrow().resolve(ML)).hasContent("services: []");

        Files.createDirectories(platform.userProfiles());
        Files.writeString(platform.userProfiles().resolve("mine.yaml"), "services: []\n");
        CredentialsRefusedException onPush = catchThrowableOfType(CredentialsRefusedException.class,
                () -> platform.push(SyncListener.NONE, CancellationToken.NONE));
        assertThat(onPush).hasMessage("The token was refused by 127.0.0.1. Store a new token in the platform"
                + " settings; it must be allowed to push.");
        assertNoToken(onPush);
    }

    @Test
    void noStoredTokenSaysSo() {
        RemoteSyncFailure.assertType(CredentialsRefusedException.class,
                () -> platform(server.url()).sync(SyncListener.NONE, CancellationToken.NONE),
                "127.0.0.1 asks for a token and none is stored for it. Store a token in the platform settings.");
    }

    @Test
    void anUnreachableServerIsAClearErrorAndTheLastGoodVersionWorksOffline() throws Exception {
        tokens.put(config().tokenAccount(), TOKEN);
        PlatformRepository platform = platform(server.url());
        platform.sync(SyncListener.NONE, CancellationToken.NONE);
        server.close();

        RemoteUnreachableException e = catchThrowableOfType(RemoteUnreachableException.class,
                () -> platform.sync(SyncListener.NONE, CancellationToken.NONE));

        assertThat(e.getMessage()).startsWith("127.0.0.1 cannot be reached; using the last good version from ")
                .endsWith(" (" + first.abbreviate(7).name() + ").");
        assertThat(e.lastGood()).map(LastGood::commitId).contains(first.name());
        assertNoToken(e);
        assertThat(platform.lastGood()).map(LastGood::commitId).contains(first.name());
        assertThat(platform.currentTree().orElseThrow().resolve(ML)).hasContent("services: []");

        Files.createDirectories(platform.userProfiles());
        Files.writeString(platform.userProfiles().resolve("mine.yaml"), "services: []\n");
        RemoteUnreachableException onPush = catchThrowableOfType(RemoteUnreachableException.class,
                () -> platform.push(SyncListener.NONE, CancellationToken.NONE));
        assertThat(onPush).hasMessage("127.0.0.1 cannot be reached; your profile changes stay on this computer."
                + " Push again once it can be reached.");
        assertThat(platform.userProfiles().resolve("mine.yaml")).exists();
    }

    /**
     * A real race: the other push lands while this one is in flight, after the server advertised its
     * refs, so the server itself turns this update down. Outpost fetches, rebases and pushes again.
     */
    @Test
    void aPushThatLosesARaceOnTheServerIsRebasedAndLands() throws Exception {
        tokens.put(config().tokenAccount(), TOKEN);
        PlatformRepository platform = platform(server.url());
        platform.sync(SyncListener.NONE, CancellationToken.NONE);
        Files.createDirectories(platform.userProfiles());
        Files.writeString(platform.userProfiles().resolve("mine.yaml"), "services: [postgres]\n");
        AtomicBoolean raced = new AtomicBoolean();
        server.beforeUpdate = (rp, commands) -> {
            if (raced.compareAndSet(false, true)) {
                try {
                    upstream.commit("Meanwhile, from bob", files("profiles/users/bob/his.yaml", "services: []\n"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };

        PushResult r = platform.push(SyncListener.NONE, CancellationToken.NONE);

        // The first attempt reached the server (the hook ran inside it) and was turned down there.
        assertThat(raced).isTrue();
        assertThat(r).isInstanceOf(PushResult.Pushed.class);
        assertThat(((PushResult.Pushed) r).attempts()).isEqualTo(2);
        assertThat(upstream.read("profiles/users/ann/mine.yaml")).isEqualTo("services: [postgres]\n");
        assertThat(upstream.read("profiles/users/bob/his.yaml")).isEqualTo("services: []\n");
        assertThat(upstream.tip().getShortMessage()).isEqualTo("Profiles of ann: add mine.yaml");
        assertThat(upstream.parse(upstream.tip().getParent(0)).getShortMessage()).isEqualTo("Meanwhile, from bob");
    }

    @Test
    void aClosedPortWithNoCloneYetSaysThereIsNoLocalCopy() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closed + "/git/idp.git";
        tokens.put(PlatformConfig.of(url, "ann").tokenAccount(), TOKEN);

        RemoteSyncFailure.assertType(RemoteUnreachableException.class,
                () -> platform(url).sync(SyncListener.NONE, CancellationToken.NONE),
                "127.0.0.1 cannot be reached, and there is no local copy of the platform repository yet.");
    }
}
