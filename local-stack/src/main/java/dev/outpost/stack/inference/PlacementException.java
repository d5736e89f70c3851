package dev.outpost.stack.inference;

/**
 * The model must run remotely (placement REMOTE, or AUTO found it does not fit here) but no remote target
 * can take it, and falling back to this machine is not allowed.
 */
public final class PlacementException extends RuntimeException {
    private final String advice;

    public PlacementException(String message, String advice) {
        super(message);
        this.advice = advice;
    }

    public String advice() {
        return advice;
    }
}
