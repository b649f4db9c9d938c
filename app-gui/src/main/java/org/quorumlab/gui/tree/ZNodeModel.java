package org.quorumlab.gui.tree;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.apache.zookeeper.data.Stat;
import org.quorumlab.gui.service.NodeKind;
import org.quorumlab.gui.service.Paths;

/**
 * One node of the lazily loaded tree: its path, its Stat once fetched, and its children once the
 * node was expanded. Mutated only on the UI thread (by {@link TreeViewModel}).
 *
 * <p>A level may hold 100,000 children; the tree shows only a page of them ({@link #shownChildren()}:
 * the first {@link #pageLimitProperty() pageLimit} in the current order, plus children revealed by a
 * search), so the UI thread never builds a TreeItem per child. A placeholder model (see
 * {@link #placeholder()}) stands for the hidden rest.
 */
public final class ZNodeModel {

    private final String path;
    private final String name;
    private final ZNodeModel parent;
    private final ObjectProperty<Stat> stat = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty childrenLoaded = new SimpleBooleanProperty();
    private final ObservableList<ZNodeModel> children = FXCollections.observableArrayList();
    private final IntegerProperty pageLimit = new SimpleIntegerProperty(TreeViewModel.PAGE);
    private final ObservableList<ZNodeModel> revealed = FXCollections.observableArrayList();
    private final boolean placeholder;
    private boolean statRequested;

    ZNodeModel(String path, ZNodeModel parent) {
        this(path, parent, false);
    }

    private ZNodeModel(String path, ZNodeModel parent, boolean placeholder) {
        this.path = path;
        this.name = placeholder ? "…" : Paths.name(path);
        this.parent = parent;
        this.placeholder = placeholder;
    }

    /** A "more children" row under {@code parent} (not a ZNode: no Stat, never in {@link #children()}). */
    static ZNodeModel moreOf(ZNodeModel parent) {
        return new ZNodeModel(parent.path(), parent, true);
    }

    public String path() { return path; }
    public String name() { return name; }
    public ZNodeModel parent() { return parent; }
    public ObjectProperty<Stat> statProperty() { return stat; }
    public Stat stat() { return stat.get(); }
    public BooleanProperty loadingProperty() { return loading; }
    public BooleanProperty childrenLoadedProperty() { return childrenLoaded; }
    public ObservableList<ZNodeModel> children() { return children; }

    /** How many of the children (in the current order) the tree shows; grows a page at a time. */
    public IntegerProperty pageLimitProperty() { return pageLimit; }
    /** Children shown although beyond the page, because a search revealed them. */
    ObservableList<ZNodeModel> revealed() { return revealed; }
    /** True for the "more children" row that stands for the children not shown. */
    public boolean placeholder() { return placeholder; }

    /**
     * The children the tree shows, in the current order: the first {@code pageLimit}, then those
     * revealed beyond the page that are still children.
     */
    public List<ZNodeModel> shownChildren() {
        int n = Math.min(pageLimit.get(), children.size());
        List<ZNodeModel> shown = new ArrayList<>(n + revealed.size());
        shown.addAll(children.subList(0, n));
        if (!revealed.isEmpty()) {
            // few revealed nodes: a linear indexOf per node is cheaper than indexing the whole level
            revealed.stream().filter(r -> children.indexOf(r) >= n)
                    .sorted(java.util.Comparator.comparingInt(children::indexOf)).forEach(shown::add);
        }
        return shown;
    }

    /** Children not shown (what the placeholder row stands for). */
    public int hiddenChildren() {
        return children.size() - shownChildren().size();
    }

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
