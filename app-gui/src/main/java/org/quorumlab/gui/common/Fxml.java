package org.quorumlab.gui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads an FXML view next to its controller class with a ready-made controller instance. */
public final class Fxml {

    private Fxml() {
    }

    /** Loads {@code <ControllerSimpleName>.fxml} from the controller's package. */
    public static Parent load(Object controller) {
        String name = controller.getClass().getSimpleName() + ".fxml";
        FXMLLoader loader = new FXMLLoader(controller.getClass().getResource(name));
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + name, e);
        }
    }
}
