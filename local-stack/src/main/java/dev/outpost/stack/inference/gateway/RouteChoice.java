package dev.outpost.stack.inference.gateway;

import java.util.Objects;

/** Where one request goes and why, in words the status bar can show ("model not on this machine"). */
public record RouteChoice(Target target, String reason) {
    public RouteChoice {
        Objects.requireNonNull(target, "target");
        reason = reason == null ? "" : reason;
    }

    public static RouteChoice local(String reason) {
        return new RouteChoice(Target.LOCAL, reason);
    }

    public static RouteChoice remote(String reason) {
        return new RouteChoice(Target.REMOTE, reason);
    }
}
