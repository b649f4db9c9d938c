package org.quorumlab.gui.tree;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TreeItem;

/**
 * A TreeItem mirroring one {@link ZNodeModel}: its children follow the model's children list;
 * expanding asks the ViewModel to load them.
 */
final class ZNodeTreeItem extends TreeItem<ZNodeModel> {

    private final TreeViewModel vm;
    private final Map<ZNodeModel, ZNodeTreeItem> items = new HashMap<>();

    ZNodeTreeItem(ZNodeModel model, TreeViewModel vm) {
        super(model);
        this.vm = vm;
        model.children().addListener((ListChangeListener<ZNodeModel>) c -> sync());
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
        List<ZNodeModel> models = getValue().children();
        // a set, not the list: retainAll(list) is quadratic, minutes for a level of 100,000 nodes
        items.keySet().retainAll(new HashSet<>(models));
        getChildren().setAll(models.stream().map(m -> items.computeIfAbsent(m, k -> new ZNodeTreeItem(k, vm))).toList());
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
