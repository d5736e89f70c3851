package dev.outpost.stack.platform;

import java.util.Locale;

/** The desktop operating systems Outpost knows how to advise on. */
public enum OperatingSystem {
    LINUX,
    MACOS,
    WINDOWS;

    public static OperatingSystem fromName(String osName) {
        String n = osName.toLowerCase(Locale.ROOT);
        if (n.startsWith("mac") || n.startsWith("darwin")) {
            return MACOS;
        }
        if (n.startsWith("windows")) {
            return WINDOWS;
        }
        return LINUX;
    }

    public static OperatingSystem current() {
        return fromName(System.getProperty("os.name", "linux"));
    }
}
