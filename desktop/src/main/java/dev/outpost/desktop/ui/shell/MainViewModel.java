package dev.outpost.desktop.ui.shell;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** Which screen is showing. */
public final class MainViewModel {
    private final ObjectProperty<Screen> selected = new SimpleObjectProperty<>(Screen.ENVIRONMENTS);

    public ObjectProperty<Screen> selectedProperty() {
        return selected;
    }

    public void show(Screen s) {
        selected.set(s);
    }
}
