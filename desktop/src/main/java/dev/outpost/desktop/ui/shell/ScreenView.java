package dev.outpost.desktop.ui.shell;

import javafx.scene.Node;

/** A screen's view: builds its nodes once and binds them to its view model. */
public interface ScreenView {
    Node root();
}
