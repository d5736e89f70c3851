package dev.outpost.profiles.sync;

import java.util.List;

/** The platform settings cannot be used as they are; the message lists every problem. */
public class InvalidPlatformConfigException extends IllegalArgumentException {
    private final transient List<String> problems;

    public InvalidPlatformConfigException(List<String> problems) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
