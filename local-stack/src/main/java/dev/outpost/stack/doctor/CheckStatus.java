package dev.outpost.stack.doctor;

/** The outcome of one diagnostic check. */
public enum CheckStatus {
    /** Present and working. */
    OK,
    /** Works, but something deserves attention (old version, little disk, ...). */
    WARNING,
    /** Not installed or not running. */
    MISSING,
    /** Present but broken (driver failure, engine refusing connections, ...). */
    FAILED;

    public boolean usable() {
        return this == OK || this == WARNING;
    }
}
