package dev.outpost.desktop.cli;

import java.nio.charset.Charset;

final class Terminal {
    private Terminal() {
    }

    /** Marks like ✓ turn into mojibake on consoles that are not UTF-8 (older Windows code pages). */
    static boolean supportsUnicode() {
        String enc = System.getProperty("stdout.encoding", Charset.defaultCharset().name());
        return enc.toUpperCase().contains("UTF");
    }
}
