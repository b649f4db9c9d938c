package org.quorumlab.gui.console;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.quorumlab.gui.common.Fxml;

/** Thin controller of ConsoleView.fxml: binds the transcript and input, maps Enter/Tab/arrows. */
public final class ConsoleView {

    private final ConsoleViewModel vm;
    @FXML private TextArea transcript;
    @FXML private TextField input;
    @FXML private ProgressIndicator busy;

    private ConsoleView(ConsoleViewModel vm) {
        this.vm = vm;
    }

    /** Builds the console view for {@code vm}. */
    public static Parent create(ConsoleViewModel vm) {
        return Fxml.load(new ConsoleView(vm));
    }

    @FXML
    private void initialize() {
        input.setId("consoleInput");
        transcript.setId("consoleTranscript");
        input.textProperty().bindBidirectional(vm.inputProperty());
        transcript.textProperty().bind(vm.transcriptProperty());
        transcript.textProperty().addListener((o, a, b) -> transcript.setScrollTop(Double.MAX_VALUE));
        busy.visibleProperty().bind(vm.busyProperty());
        input.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.submit();
            } else if (e.getCode() == KeyCode.TAB) {
                vm.complete();
                input.positionCaret(input.getText().length());
            } else if (e.getCode() == KeyCode.UP) {
                vm.historyUp();
                input.positionCaret(input.getText().length());
            } else if (e.getCode() == KeyCode.DOWN) {
                vm.historyDown();
            } else {
                return;
            }
            e.consume();
        });
    }
}
