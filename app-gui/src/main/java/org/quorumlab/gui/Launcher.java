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

    /** The console's logging configuration, on the class path (the launcher's logback.xml is there too). */
    static final String LOGGING_CONFIG = "logback-console.xml";

    /** Starts the console. */
    public static void main(String[] args) {
        // Before the first logger exists: the client library's connection warnings go to
        // ~/.quorumlab/console.log, not the terminal (see logback-console.xml).
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGGING_CONFIG);
        }
        Application.launch(QuorumLabConsole.class, args);
    }
}
