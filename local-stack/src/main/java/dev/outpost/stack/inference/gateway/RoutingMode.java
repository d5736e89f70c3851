package dev.outpost.stack.inference.gateway;

import java.util.Objects;

/** The toggle's position: always one target, or per request by a {@link Placement}. */
public sealed interface RoutingMode {
    record Fixed(Target target) implements RoutingMode {
        public Fixed {
            Objects.requireNonNull(target, "target");
        }
    }

    record Auto(Placement placement) implements RoutingMode {
        public Auto {
            Objects.requireNonNull(placement, "placement");
        }
    }
}
