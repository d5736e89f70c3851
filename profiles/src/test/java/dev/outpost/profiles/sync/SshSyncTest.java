package dev.outpost.profiles.sync;

import static dev.outpost.profiles.sync.Upstream.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.outpost.profiles.credentials.MapTokenStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * SSH goes through the user's own ssh client. A fake ssh records its arguments and runs the remote
 * command (git-upload-pack or git-receive-pack from the installed git) on this machine, or prints
 * what real ssh prints when it fails.
 */
@DisabledOnOs(OS.WINDOWS)
class SshSyncTest {
    @TempDir
    Path tmp;

    private Upstream upstream;
    private Path argsLog;

    @BeforeEach
    void seed() throws Exception {
        upstream = Upstream.create(tmp.resolve("server"));
        upstream.commit("Initial platform", files("platform.yaml", "name: acme\n"));
        argsLog = tmp.resolve("ssh-args");
    }

    @AfterEach
    void close() {
        upstream.close();
    }

    private Path fakeSsh(String body) throws Exception {
        Path ssh = tmp.resolve("fake-ssh");
        Files.writeString(ssh, "#!/bin/sh\nprintf '%s\\n' \"$@\" >> '" + argsLog + "'\n" + body);
        Files.setPosixFilePermissions(ssh, PosixFilePermissions.fromString("rwx------"));
        return ssh;
    }

    private PlatformRepository platform(Path ssh) {
        String url = "ssh://git@git.example.com:2222" + upstream.bareDir();
        return new PlatformRepository(PlatformConfig.of(url, "ann"), tmp.resolve("clone"), new MapTokenStore(),
                new MarkedInvalid(), List.of(ssh.toString()));
    }

    @Test
    void syncsAndPushesThroughTheSshClient() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/git")) || Files.isExecutable(Path.of("/usr/local/bin/git")),
                "the fake ssh runs git's own upload-pack and receive-pack");
        PlatformRepository platform = platform(fakeSsh("for a in \"$@\"; do last=\"$a\"; done\nexec sh -c \"$last\"\n"));

        assertThat(platform.sync(SyncListener.NONE, CancellationToken.NONE)).isInstanceOf(SyncResult.Updated.class);
        assertThat(platform.currentTree().orElseThrow().resolve("platform.yaml")).hasContent("name: acme");
        Files.createDirectories(platform.userProfiles());
        Files.writeString(platform.userProfiles().resolve("mine.yaml"), "services: []\n");
        assertThat(platform.push(SyncListener.NONE, CancellationToken.NONE)).isInstanceOf(PushResult.Pushed.class);
        assertThat(upstream.read("profiles/users/ann/mine.yaml")).isEqualTo("services: []\n");

        List<String> args = Files.readAllLines(argsLog);
        assertThat(args).containsSubsequence("-o", "BatchMode=yes", "-p", "2222", "git@git.example.com",
                "git-upload-pack '" + upstream.bareDir() + "'");
        assertThat(args).contains("git-receive-pack '" + upstream.bareDir() + "'");
    }

    @Test
    void aRefusedKeyIsReportedAsSuch() throws Exception {
        PlatformRepository platform = platform(fakeSsh(
                "echo 'git@git.example.com: Permission denied (publickey).' >&2\nexit 255\n"));

        Throwable e = catchThrowable(() -> platform.sync(SyncListener.NONE, CancellationToken.NONE));

        assertThat(e).isInstanceOf(CredentialsRefusedException.class).hasMessage("git.example.com refused the SSH"
                + " login. Check that `ssh git.example.com` works in a terminal (keys, agent, ~/.ssh/config).");
    }

    @Test
    void anUnknownHostIsUnreachable() throws Exception {
        PlatformRepository platform = platform(fakeSsh(
                "echo 'ssh: Could not resolve hostname git.example.com: Name or service not known' >&2\nexit 255\n"));

        Throwable e = catchThrowable(() -> platform.sync(SyncListener.NONE, CancellationToken.NONE));

        assertThat(e).isInstanceOf(RemoteUnreachableException.class).hasMessage("git.example.com cannot be reached,"
                + " and there is no local copy of the platform repository yet.");
    }
}
