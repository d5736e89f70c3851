package dev.outpost.stack.doctor;

import dev.outpost.stack.platform.OperatingSystem;
import java.util.Objects;

/** One piece of advice worded for each operating system. */
public record PerOs(String linux, String macos, String windows) {
    public PerOs {
        Objects.requireNonNull(linux, "linux");
        Objects.requireNonNull(macos, "macos");
        Objects.requireNonNull(windows, "windows");
    }

    public String forOs(OperatingSystem os) {
        return switch (os) {
            case LINUX -> linux;
            case MACOS -> macos;
            case WINDOWS -> windows;
        };
    }
}
