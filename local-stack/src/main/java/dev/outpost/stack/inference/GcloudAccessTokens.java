package dev.outpost.stack.inference;

import dev.outpost.stack.inference.TargetAccessException.Reason;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.process.Command;
import dev.outpost.stack.process.OutputExcerpt;
import dev.outpost.stack.process.ProcessResult;
import dev.outpost.stack.process.ProcessRunner;
import dev.outpost.stack.process.ProcessStartException;
import dev.outpost.stack.process.ProcessTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * OAuth access tokens from {@code gcloud auth print-access-token}, for targets with auth GCLOUD.
 *
 * <p>Such a token lives about an hour (gke-gpu.md §2). Running gcloud costs a second or more, so a token
 * is reused for {@link #CACHE_FOR}, which leaves ten minutes of margin for clock skew and long requests.
 * The token is held only in memory and never logged or put into a message.
 */
public final class GcloudAccessTokens {
    public static final Duration CACHE_FOR = Duration.ofMinutes(50);
    /** gcloud may refresh its own credentials over the network first; a minute is far more than that takes. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final List<String> ARGS = List.of("auth", "print-access-token");

    /** Text gcloud prints when there is no login or it has expired (wording from gcloud's own errors). */
    private static final List<String> NOT_LOGGED_IN = List.of(
            "do not currently have an active account", "gcloud auth login", "reauthentication", "login required");
    /** Google access tokens start with ya29.; scrubbed from anything shown, in case gcloud ever echoes one. */
    private static final Pattern TOKEN_LIKE = Pattern.compile("ya29\\.[A-Za-z0-9_.\\-]+");

    private final HostEnvironment env;
    private final ProcessRunner runner;
    private final InstantSource clock;
    private final Duration timeout;

    private String token;
    private Instant fetchedAt;

    public GcloudAccessTokens(HostEnvironment env, ProcessRunner runner) {
        this(env, runner, InstantSource.system(), DEFAULT_TIMEOUT);
    }

    public GcloudAccessTokens(HostEnvironment env, ProcessRunner runner, InstantSource clock, Duration timeout) {
        this.env = env;
        this.runner = runner;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * A token, from the cache while it is younger than {@link #CACHE_FOR}, else fresh from gcloud.
     *
     * @param target the target's name, only for messages
     * @throws TargetAccessException GCLOUD_MISSING, GCLOUD_NOT_LOGGED_IN or GCLOUD_FAILED
     */
    public synchronized String token(String target) throws InterruptedException {
        Instant now = clock.instant();
        if (token != null && now.isBefore(fetchedAt.plus(CACHE_FOR))) {
            return token;
        }
        token = fetch(target);
        fetchedAt = now;
        return token;
    }

    /** Forgets the cached token, e.g. after the target answered 401 to it. */
    public synchronized void invalidate() {
        token = null;
        fetchedAt = null;
    }

    private String fetch(String target) throws InterruptedException {
        Path gcloud = env.findExecutable("gcloud").orElseThrow(() -> new TargetAccessException(Reason.GCLOUD_MISSING,
                target, "Inference target " + target + " uses gcloud credentials, but the gcloud CLI is not on PATH.",
                "Install the Google Cloud CLI (https://cloud.google.com/sdk/docs/install), run "
                        + "\"gcloud auth login\", then try again."));
        Command command = Command.of(gcloud.toString()).withArgs(ARGS.toArray(String[]::new)).withTimeout(timeout);
        ProcessResult result;
        try {
            result = runner.run(command);
        } catch (ProcessStartException e) {
            throw new TargetAccessException(Reason.GCLOUD_MISSING, target,
                    "gcloud could not be started for inference target " + target + ": " + e.getMessage(),
                    "Check that the Google Cloud CLI is installed correctly.", e);
        } catch (ProcessTimeoutException e) {
            throw new TargetAccessException(Reason.GCLOUD_FAILED, target, "\"gcloud auth print-access-token\" did not "
                    + "answer within " + timeout.toSeconds() + " s (inference target " + target + ").",
                    "Run \"gcloud auth print-access-token\" in a terminal to see what it is waiting for.");
        }
        if (!result.succeeded()) {
            // Only stderr is shown: stdout is where a token would be. gcloud puts the "ERROR:" line first and
            // advice after it, so enough lines are kept to include both.
            String said = scrub(OutputExcerpt.tail(result.stderrTail(), 6, 500));
            String lower = said.toLowerCase(Locale.ROOT);
            boolean loggedOut = NOT_LOGGED_IN.stream().anyMatch(lower::contains);
            String message = "\"gcloud auth print-access-token\" failed with exit code " + result.exitCode()
                    + " (inference target " + target + ")" + (said.isEmpty() ? "." : ": " + said);
            throw loggedOut
                    ? new TargetAccessException(Reason.GCLOUD_NOT_LOGGED_IN, target, message,
                            "Run \"gcloud auth login\", then try again.")
                    : new TargetAccessException(Reason.GCLOUD_FAILED, target, message,
                            "Run \"gcloud auth print-access-token\" in a terminal to see the whole error.");
        }
        List<String> lines = result.stdout().stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.size() != 1 || lines.getFirst().chars().anyMatch(Character::isWhitespace)) {
            throw new TargetAccessException(Reason.GCLOUD_FAILED, target, "\"gcloud auth print-access-token\" "
                    + "exited 0 but did not print one token (" + lines.size() + " lines; not shown).",
                    "Run \"gcloud auth print-access-token\" in a terminal and check its output.");
        }
        return lines.getFirst();
    }

    static String scrub(String text) {
        return TOKEN_LIKE.matcher(text).replaceAll("ya29.…");
    }
}
