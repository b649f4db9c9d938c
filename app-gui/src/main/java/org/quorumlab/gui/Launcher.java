package org.quorumlab.gui;

import javafx.application.Application;
import org.quorumlab.gui.app.QuorumLabConsole;

/**
 * Plain main class so the console starts with JavaFX on the class path (no module path needed).
 * Arguments: {@code --bundled [--dir D] [--bind ADDR]} or {@code --connect host:port,...[/chroot]}.
 */
public final class Launcher {

    private Launcher() {
    }

    /** Starts the console. */
    public static void main(String[] args) {
        Application.launch(QuorumLabConsole.class, args);
    }
}
