package dev.outpost.desktop.ui.profiles;

import java.util.List;

/** Profiles arrive with the profiles feature; this screen says what it will hold. */
public final class ProfilesViewModel {
    public String intro() {
        return "A profile describes an environment: its runtime, services and versions from the platform catalog, "
                + "models and idle policy, as versioned YAML.";
    }

    public List<String> upcoming() {
        return List.of(
                "Built-in catalog and sample profiles, usable with no platform configured",
                "Team profiles synced from the platform's Git repository, and your own pushed back",
                "Validation that points at the file, line and field of every mistake",
                "New profiles from a pick-list of catalog services");
    }
}
