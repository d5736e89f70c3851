package dev.outpost.stack.inference;

import java.util.Objects;

/**
 * Outpost cannot reach or authenticate to an inference target. The message says what is wrong and
 * {@link #advice()} what to do; neither ever contains a token, because both end up in logs and on screen.
 */
public final class TargetAccessException extends RuntimeException {

    /** What went wrong, so the CLI and UI can pick a screen or exit code without parsing text. */
    public enum Reason {
        /** auth BEARER, but no token was stored for the target. */
        NO_TOKEN,
        /** auth GCLOUD, but the gcloud CLI is not installed (not on PATH). */
        GCLOUD_MISSING,
        /** gcloud ran but has no usable login. */
        GCLOUD_NOT_LOGGED_IN,
        /** gcloud failed for another reason, or timed out, or printed no token. */
        GCLOUD_FAILED,
        /** The target's URL is not https and not on this machine. */
        INSECURE_URL,
        /** The custom CA file could not be read as PEM certificates. */
        BAD_CA_FILE
    }

    private final Reason reason;
    private final String target;
    private final String advice;

    public TargetAccessException(Reason reason, String target, String message, String advice) {
        this(reason, target, message, advice, null);
    }

    public TargetAccessException(Reason reason, String target, String message, String advice, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.target = target;
        this.advice = advice == null ? "" : advice;
    }

    public Reason reason() {
        return reason;
    }

    /** The InferenceTarget's name; null when the problem is not about one target (a CA file). */
    public String target() {
        return target;
    }

    public String advice() {
        return advice;
    }
}
