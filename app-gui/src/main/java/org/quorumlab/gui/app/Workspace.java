package org.quorumlab.gui.app;

import org.quorumlab.gui.common.TaskExecutor;
import org.quorumlab.gui.console.ConsoleViewModel;
import org.quorumlab.gui.data.NodeDetailViewModel;
import org.quorumlab.gui.io.TransferViewModel;
import org.quorumlab.gui.service.ZkSession;
import org.quorumlab.gui.tree.NodeActionsViewModel;
import org.quorumlab.gui.tree.TreeViewModel;
import org.quorumlab.gui.watches.WatchesViewModel;

/**
 * The ViewModels of one connected session, created together on connect and dropped on disconnect.
 *
 * @param session  the open session
 * @param tree     lazy tree
 * @param actions  create/delete/copy/move
 * @param detail   selected node detail
 * @param transfer export/import/backup/restore
 * @param watches  watches tab
 * @param console  console tab
 */
public record Workspace(ZkSession session, TreeViewModel tree, NodeActionsViewModel actions,
        NodeDetailViewModel detail, TransferViewModel transfer, WatchesViewModel watches, ConsoleViewModel console) {

    /** Builds every ViewModel over {@code session} and wires tree selection to the detail. */
    public static Workspace open(ZkSession session, TaskExecutor executor) {
        TreeViewModel tree = new TreeViewModel(session, executor);
        NodeDetailViewModel detail = new NodeDetailViewModel(session, executor);
        tree.selectedProperty().addListener((o, a, b) -> {
            if (b != null) {
                detail.load(b.path());
            }
        });
        Workspace w = new Workspace(session, tree, new NodeActionsViewModel(session, executor), detail,
                new TransferViewModel(session, executor), new WatchesViewModel(session, executor),
                new ConsoleViewModel(session, executor));
        tree.start();
        return w;
    }

    /** Releases listeners and closes the session (blocking). */
    public void close() {
        watches.dispose();
        session.close();
    }
}
