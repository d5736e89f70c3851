package dev.outpost.stack.doctor;

import java.util.Locale;

/** Byte counts as people read them in the doctor's report. */
final class Sizes {
    static final long GIB = 1024L * 1024 * 1024;

    private Sizes() {
    }

    static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) GIB);
    }

    static String gibFromMib(long mib) {
        return String.format(Locale.ROOT, "%.1f GiB", mib / 1024.0);
    }
}
