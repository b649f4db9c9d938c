package org.quorumlab.gui.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.scene.control.TreeItem;

/**
 * A TreeItem mirroring one {@link ZNodeModel}: its children are the model's shown page of children
 * ({@link ZNodeModel#shownChildren()}) and, when some are hidden, a placeholder item standing for
 * them; expanding asks the ViewModel to load them. Building a TreeItem per child of a 100,000-node
 * level held the FX thread for seconds, hence the page.
 */
final class ZNodeTreeItem extends TreeItem<ZNodeModel> {

    private final TreeViewModel vm;
    private final Map<ZNodeModel, ZNodeTreeItem> items = new HashMap<>();

    ZNodeTreeItem(ZNodeModel model, TreeViewModel vm) {
        super(model);
        this.vm = vm;
        InvalidationListener resync = o -> sync();
        model.children().addListener(resync);
        model.pageLimitProperty().addListener(resync);
        model.revealed().addListener(resync);
        expandedProperty().addListener((o, was, now) -> {
            if (now) {
                vm.expand(model);
            } else {
                vm.collapse(model);
            }
        });
        sync();
    }

    private void sync() {
        ZNodeModel model = getValue();
        List<ZNodeModel> shown = model.shownChildren();
        // a set, not the list: retainAll(list) is quadratic
        items.keySet().retainAll(new HashSet<>(shown));
        List<TreeItem<ZNodeModel>> rows = new ArrayList<>(shown.size() + 1);
        for (ZNodeModel m : shown) {
            rows.add(items.computeIfAbsent(m, k -> new ZNodeTreeItem(k, vm)));
        }
        if (model.children().size() > shown.size()) {
            // a fresh placeholder each time, so its cell redraws the new count
            rows.add(new TreeItem<>(ZNodeModel.moreOf(model)));
        }
        getChildren().setAll(rows);
    }

    @Override
    public boolean isLeaf() {
        ZNodeModel m = getValue();
        if (m.childrenLoadedProperty().get()) {
            return m.children().isEmpty();
        }
        return m.leaf();
    }

    /** Child item for {@code model}, if mirrored. */
    ZNodeTreeItem itemFor(ZNodeModel model) {
        return items.get(model);
    }
}
