package dev.outpost.desktop.ui.state;

import dev.outpost.stack.doctor.Check;
import dev.outpost.stack.doctor.CheckStatus;

/** Short texts for a check, shared by the status bar and the screens. */
public final class CheckLabels {
    private CheckLabels() {
    }

    /** E.g. "Docker 20.10.24" or "not running": what fits in a status bar cell. */
    public static String brief(Check c) {
        // The engine check names the product under "engine" (Docker Engine, Podman); others may use "product".
        String product = c.facts().getOrDefault("engine", c.facts().get("product"));
        String version = c.facts().get("version");
        if (c.status().usable() && product != null) {
            return version == null ? product : product + " " + version;
        }
        if (c.status().usable() && c.facts().containsKey("name")) {
            return c.facts().get("name");
        }
        return switch (c.status()) {
            case OK, WARNING -> c.summary();
            case MISSING -> "not found";
            case FAILED -> "failing";
        };
    }

    public static Tone tone(CheckStatus s) {
        return switch (s) {
            case OK -> Tone.GOOD;
            case WARNING -> Tone.WARN;
            case MISSING -> Tone.NEUTRAL;
            case FAILED -> Tone.BAD;
        };
    }

    /** The colour family a status is shown in; style classes in app.css. */
    public enum Tone {
        GOOD, WARN, BAD, NEUTRAL;

        public String styleClass() {
            return "tone-" + name().toLowerCase();
        }
    }
}
