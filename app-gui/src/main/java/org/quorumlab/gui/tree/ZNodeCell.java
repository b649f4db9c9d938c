package org.quorumlab.gui.tree;

import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TreeCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.apache.zookeeper.data.Stat;

/**
 * Tree cell: kind icon, name, child count, a spinner while children load; requests the Stat lazily.
 * The placeholder row of a paged level shows how many children are hidden.
 */
final class ZNodeCell extends TreeCell<ZNodeModel> {

    private final TreeViewModel vm;
    private final Region icon = new Region();
    private final Label name = new Label();
    private final Label count = new Label();
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final HBox box = new HBox(5, icon, name, count, spinner);

    ZNodeCell(TreeViewModel vm) {
        this.vm = vm;
        icon.getStyleClass().add("node-icon");
        count.getStyleClass().add("child-count");
        spinner.setPrefSize(14, 14);
        spinner.setMaxSize(14, 14);
    }

    @Override
    protected void updateItem(ZNodeModel item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().remove("more-children");
        name.textProperty().unbind();
        spinner.visibleProperty().unbind();
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        if (item.placeholder()) {
            showPlaceholder(item);
            return;
        }
        vm.requestStat(item);
        icon.getStyleClass().setAll("node-icon", item.kind().styleClass());
        if (item.sequential()) {
            icon.getStyleClass().add("node-sequential");
        }
        name.setText(item.name());
        Stat s = item.stat();
        count.setText(s != null && s.getNumChildren() > 0 ? "(" + s.getNumChildren() + ")" : "");
        spinner.visibleProperty().bind(item.loadingProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        item.statProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Stat> o, Stat a, Stat b) {
                item.statProperty().removeListener(this);
                if (getItem() == item) {
                    updateItem(item, false);
                }
            }
        });
        setText(null);
        setGraphic(box);
    }

    private void showPlaceholder(ZNodeModel item) {
        icon.getStyleClass().setAll("node-icon", "node-more");
        name.setText(vm.moreText(item.parent()));
        count.setText("");
        spinner.managedProperty().unbind();
        spinner.setVisible(false);
        spinner.setManaged(false);
        getStyleClass().add("more-children");
        setText(null);
        setGraphic(box);
    }
}
