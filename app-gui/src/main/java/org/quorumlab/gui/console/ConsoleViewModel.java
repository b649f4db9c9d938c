package org.quorumlab.gui.console;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.apache.zookeeper.KeeperException;
import org.quorumlab.gui.common.TaskExecutor;
import org.quorumlab.gui.service.Paths;
import org.quorumlab.gui.service.ZkSession;

/**
 * Console tab state: the input line, the transcript, history navigation (up/down) and Tab
 * completion of command names and paths. Commands run through the TaskExecutor.
 */
public final class ConsoleViewModel {

    private final CommandInterpreter interpreter;
    private final ZkSession session;
    private final TaskExecutor executor;
    private final StringProperty input = new SimpleStringProperty("");
    private final StringProperty transcript = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final List<String> history = new ArrayList<>();
    private int historyIndex;

    /** Console over {@code session}. */
    public ConsoleViewModel(ZkSession session, TaskExecutor executor) {
        this.session = session;
        this.interpreter = new CommandInterpreter(session);
        this.executor = executor;
    }

    public StringProperty inputProperty() { return input; }
    public StringProperty transcriptProperty() { return transcript; }
    public BooleanProperty busyProperty() { return busy; }

    /** Runs the input line and appends prompt + output to the transcript. */
    public void submit() {
        String line = input.get().trim();
        input.set("");
        if (line.isEmpty()) {
            return;
        }
        history.add(line);
        historyIndex = history.size();
        busy.set(true);
        executor.run(() -> interpreter.execute(line), out -> {
            append("[" + session.spec().label() + "] " + line + "\n" + (out.isEmpty() ? "" : out + "\n"));
            busy.set(false);
        }, e -> {
            append(line + "\n" + e.getMessage() + "\n");
            busy.set(false);
        });
    }

    private void append(String text) {
        String t = transcript.get() + text;
        transcript.set(t.length() > 200_000 ? t.substring(t.length() - 200_000) : t);
    }

    /** Up arrow: previous command. */
    public void historyUp() {
        if (historyIndex > 0) {
            input.set(history.get(--historyIndex));
        }
    }

    /** Down arrow: next command, or empty after the last. */
    public void historyDown() {
        if (historyIndex < history.size() - 1) {
            input.set(history.get(++historyIndex));
        } else {
            historyIndex = history.size();
            input.set("");
        }
    }

    /** Tab: completes the command name, or the path being typed (children listed in the background). */
    public void complete() {
        String line = input.get();
        int space = line.lastIndexOf(' ');
        if (space < 0) {
            List<String> matches = CommandInterpreter.COMMANDS.keySet().stream().filter(c -> c.startsWith(line)).toList();
            applyCompletion(line, "", matches, " ");
            return;
        }
        String head = line.substring(0, space + 1);
        String word = line.substring(space + 1);
        if (!word.startsWith("/")) {
            return;
        }
        String parent = word.endsWith("/") ? (word.length() == 1 ? "/" : word.substring(0, word.length() - 1))
                : Paths.parent(word);
        String prefix = word.endsWith("/") ? "" : Paths.name(word);
        executor.run(() -> {
            try {
                return session.client().getChildren(parent, false).stream().filter(c -> c.startsWith(prefix)).sorted()
                        .map(c -> Paths.child(parent, c)).toList();
            } catch (KeeperException.NoNodeException e) {
                return List.<String>of();
            }
        }, matches -> applyCompletion(word, head, matches, "/"), e -> { });
    }

    private void applyCompletion(String word, String head, List<String> matches, String suffixWhenUnique) {
        if (matches.isEmpty()) {
            return;
        }
        if (matches.size() == 1) {
            input.set(head + matches.get(0) + (suffixWhenUnique.equals(" ") ? " " : ""));
            return;
        }
        String common = matches.get(0);
        for (String m : matches) {
            int i = 0;
            while (i < common.length() && i < m.length() && common.charAt(i) == m.charAt(i)) {
                i++;
            }
            common = common.substring(0, i);
        }
        if (common.length() > word.length()) {
            input.set(head + common);
        } else {
            append(String.join("  ", matches) + "\n");
        }
    }
}
