package dev.outpost.stack.inference;

/**
 * A pull being re-issued.
 *
 * @param attempt     the attempt about to start: 2 for the first retry
 * @param maxAttempts how many attempts the pull may take in all
 * @param reason      why the previous attempt was given up
 * @param detail      for people, e.g. "no progress for 30 s" or the connection error
 */
public record PullResume(int attempt, int maxAttempts, Reason reason, String detail) {
    public enum Reason {
        /** No line arrived within the stall timeout: the stream was abandoned. */
        STALLED,
        /** The connection broke, or the server ended the stream before "success". */
        DROPPED
    }
}
