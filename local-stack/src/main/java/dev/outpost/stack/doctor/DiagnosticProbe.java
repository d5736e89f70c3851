package dev.outpost.stack.doctor;

/**
 * One thing the doctor looks at. A probe never throws: every failure becomes a {@link Check}
 * with a status and a fix hint.
 */
public interface DiagnosticProbe {
    /** The id of the check it returns. */
    String id();

    Check run() throws InterruptedException;
}
