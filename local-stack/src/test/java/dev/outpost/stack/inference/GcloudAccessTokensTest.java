package dev.outpost.stack.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.stack.inference.TargetAccessException.Reason;
import dev.outpost.stack.platform.OperatingSystem;
import dev.outpost.stack.process.LocalProcessRunner;
import dev.outpost.stack.testing.FakeTool;
import dev.outpost.stack.testing.Hosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** gcloud is a FakeTool that only accepts "auth print-access-token" and counts its runs in a file. */
@DisabledOnOs(OS.WINDOWS)
class GcloudAccessTokensTest {
    static final String TOKEN = "ya29.a0AfH6SMBsecretsecret";

    @TempDir
    Path bin;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T10:00:00Z"));
    private final InstantSource clock = now::get;

    private GcloudAccessTokens tokens() {
        return new GcloudAccessTokens(Hosts.withPath(OperatingSystem.LINUX, bin), new LocalProcessRunner(), clock,
                Duration.ofSeconds(20));
    }

    private Path countingGcloud(FakeTool tool) throws Exception {
        Path runs = bin.resolve("runs");
        tool.expectArgs("auth", "print-access-token").body("echo run >> '" + runs + "'").writeTo(bin);
        return runs;
    }

    private static long lines(Path file) throws Exception {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }

    @Test
    void printsTokenOnceAndReusesItForFiftyMinutes() throws Exception {
        Path runs = countingGcloud(FakeTool.named("gcloud").stdout(TOKEN));
        GcloudAccessTokens tokens = tokens();

        assertThat(tokens.token("gke-l4")).isEqualTo(TOKEN);
        now.set(now.get().plus(Duration.ofMinutes(49)));
        assertThat(tokens.token("gke-l4")).isEqualTo(TOKEN);
        assertThat(lines(runs)).isEqualTo(1);

        now.set(now.get().plus(Duration.ofMinutes(2)));
        assertThat(tokens.token("gke-l4")).isEqualTo(TOKEN);
        assertThat(lines(runs)).isEqualTo(2);
    }

    @Test
    void invalidateMakesTheNextCallAskAgain() throws Exception {
        Path runs = countingGcloud(FakeTool.named("gcloud").stdout(TOKEN));
        GcloudAccessTokens tokens = tokens();
        tokens.token("gke-l4");

        tokens.invalidate();
        tokens.token("gke-l4");

        assertThat(lines(runs)).isEqualTo(2);
    }

    @Test
    void gcloudNotOnPathIsMissing() {
        assertThatThrownBy(() -> tokens().token("gke-l4"))
                .isInstanceOfSatisfying(TargetAccessException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.GCLOUD_MISSING);
                    assertThat(e.target()).isEqualTo("gke-l4");
                    assertThat(e.getMessage()).contains("gcloud CLI is not on PATH");
                    assertThat(e.advice()).contains("gcloud auth login");
                });
    }

    @Test
    void noActiveAccountIsNotLoggedInAndShowsNoToken() throws Exception {
        // A token on stdout despite the failure: it must not reach the message either way.
        countingGcloud(FakeTool.named("gcloud").exitCode(1).stdout(TOKEN).stderr(
                "ERROR: (gcloud.auth.print-access-token) You do not currently have an active account selected.",
                "Please run:", "", "  $ gcloud auth login", "", "to obtain new credentials."));

        assertThatThrownBy(() -> tokens().token("gke-l4"))
                .isInstanceOfSatisfying(TargetAccessException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.GCLOUD_NOT_LOGGED_IN);
                    assertThat(e.getMessage()).contains("exit code 1").contains("active account")
                            .doesNotContain("secretsecret");
                    assertThat(e.advice()).isEqualTo("Run \"gcloud auth login\", then try again.");
                });
    }

    @Test
    void otherFailuresAreFailedAndScrubTokenLikeText() throws Exception {
        countingGcloud(FakeTool.named("gcloud").exitCode(1)
                .stderr("ERROR: gcloud crashed (ConnectionError): refreshing ya29.leakedleaked failed"));

        assertThatThrownBy(() -> tokens().token("gke-l4"))
                .isInstanceOfSatisfying(TargetAccessException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.GCLOUD_FAILED);
                    assertThat(e.getMessage()).contains("ConnectionError").doesNotContain("leakedleaked");
                });
    }

    @Test
    void successWithoutATokenIsFailedWithoutEchoingOutput() throws Exception {
        countingGcloud(FakeTool.named("gcloud").stdout("Updates are available", TOKEN));

        assertThatThrownBy(() -> tokens().token("gke-l4"))
                .isInstanceOfSatisfying(TargetAccessException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.GCLOUD_FAILED);
                    assertThat(e.getMessage()).contains("2 lines; not shown").doesNotContain("secretsecret");
                });
    }

    @Test
    void hangingGcloudTimesOut() throws Exception {
        FakeTool.named("gcloud").expectArgs("auth", "print-access-token").body("exec sleep 30").writeTo(bin);
        GcloudAccessTokens tokens = new GcloudAccessTokens(Hosts.withPath(OperatingSystem.LINUX, bin),
                new LocalProcessRunner(), clock, Duration.ofMillis(300));

        assertThatThrownBy(() -> tokens.token("gke-l4"))
                .isInstanceOfSatisfying(TargetAccessException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.GCLOUD_FAILED));
    }
}
