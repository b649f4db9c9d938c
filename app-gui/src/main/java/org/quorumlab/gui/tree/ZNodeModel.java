package org.quorumlab.gui.tree;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.apache.zookeeper.data.Stat;
import org.quorumlab.gui.service.NodeKind;
import org.quorumlab.gui.service.Paths;

/**
 * One node of the lazily loaded tree: its path, its Stat once fetched, and its children once the
 * node was expanded. Mutated only on the UI thread (by {@link TreeViewModel}).
 */
public final class ZNodeModel {

    private final String path;
    private final String name;
    private final ZNodeModel parent;
    private final ObjectProperty<Stat> stat = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty childrenLoaded = new SimpleBooleanProperty();
    private final ObservableList<ZNodeModel> children = FXCollections.observableArrayList();
    private boolean statRequested;

    ZNodeModel(String path, ZNodeModel parent) {
        this.path = path;
        this.name = Paths.name(path);
        this.parent = parent;
    }

    public String path() { return path; }
    public String name() { return name; }
    public ZNodeModel parent() { return parent; }
    public ObjectProperty<Stat> statProperty() { return stat; }
    public Stat stat() { return stat.get(); }
    public BooleanProperty loadingProperty() { return loading; }
    public BooleanProperty childrenLoadedProperty() { return childrenLoaded; }
    public ObservableList<ZNodeModel> children() { return children; }

    boolean statRequested() { return statRequested; }
    void statRequested(boolean v) { statRequested = v; }

    /** Node kind, PERSISTENT until the Stat is known. */
    public NodeKind kind() {
        Stat s = stat.get();
        return s == null ? NodeKind.PERSISTENT : NodeKind.of(s.getEphemeralOwner());
    }

    /** True when the name carries a sequence suffix. */
    public boolean sequential() {
        return NodeKind.isSequential(name);
    }

    /** Known to have no children (Stat loaded and numChildren 0). */
    public boolean leaf() {
        Stat s = stat.get();
        return s != null && s.getNumChildren() == 0;
    }

    /** Child by name among loaded children, or null. */
    public ZNodeModel child(String childName) {
        for (ZNodeModel c : children) {
            if (c.name.equals(childName)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return name;
    }
}
