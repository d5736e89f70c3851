package dev.outpost.desktop.ui.shell;

/** The screens in the navigation, in order. */
public enum Screen {
    ENVIRONMENTS("Environments"),
    MODELS("Models & GPU"),
    COST("Cost & carbon"),
    PROFILES("Profiles"),
    DIAGNOSTICS("Diagnostics"),
    SETTINGS("Settings");

    private final String title;

    Screen(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Node id of the navigation button, for tests and CSS. */
    public String navId() {
        return "nav-" + name().toLowerCase();
    }
}
