package dev.outpost.stack.inference.gateway;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The toggle and the two routes. A request reads them once, when it arrives, and keeps what it read: a
 * flip changes where the next request goes, never where a running one is being answered from.
 */
final class Router {
    /** Where one request goes, with the other route kept for a fallback. {@code route} is null when unset. */
    record Decision(Target target, Route route, String reason, Route alternate) {
    }

    private final AtomicReference<RoutingMode> mode;
    private final AtomicReference<Route> local;
    private final AtomicReference<Route> remote;

    Router(Route local, Route remote, RoutingMode mode) {
        this.local = new AtomicReference<>(Objects.requireNonNull(local, "local route"));
        this.remote = new AtomicReference<>(remote);
        this.mode = new AtomicReference<>(Objects.requireNonNull(mode, "mode"));
    }

    /** @throws RuntimeException whatever the placement throws; the caller answers it as a gateway error */
    Decision decide(String model) {
        RouteChoice choice = switch (mode.get()) {
            case RoutingMode.Fixed f -> new RouteChoice(f.target(), "set to " + f.target().name().toLowerCase(java.util.Locale.ROOT));
            case RoutingMode.Auto a -> Objects.requireNonNull(a.placement().choose(model), "placement chose nothing");
        };
        Target target = choice.target();
        return new Decision(target, route(target), choice.reason(), route(target.other()));
    }

    void mode(RoutingMode next) {
        if (next instanceof RoutingMode.Fixed(Target t) && route(t) == null) {
            throw new IllegalStateException("no " + t.name().toLowerCase(java.util.Locale.ROOT) + " route is configured");
        }
        mode.set(next);
    }

    RoutingMode mode() {
        return mode.get();
    }

    Route route(Target target) {
        return (target == Target.LOCAL ? local : remote).get();
    }

    void route(Target target, Route route) {
        if (target == Target.LOCAL) {
            local.set(Objects.requireNonNull(route, "local route"));
        } else {
            remote.set(route);
        }
    }
}
