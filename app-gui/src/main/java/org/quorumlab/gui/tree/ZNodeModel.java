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
    // properties and lists are created on first use: expanding a level of 100,000 nodes builds a
    // model per node in the background, and every object less per model is less GC pausing the UI
    private ObjectProperty<Stat> stat;
    private BooleanProperty loading;
    private BooleanProperty childrenLoaded;
    private ObservableList<ZNodeModel> children;
    private IntegerProperty pageLimit;
    private ObservableList<ZNodeModel> revealed;
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

    public ObjectProperty<Stat> statProperty() {
        if (stat == null) {
            stat = new SimpleObjectProperty<>();
        }
        return stat;
    }

    public Stat stat() { return stat == null ? null : stat.get(); }

    public BooleanProperty loadingProperty() {
        if (loading == null) {
            loading = new SimpleBooleanProperty();
        }
        return loading;
    }

    public BooleanProperty childrenLoadedProperty() {
        if (childrenLoaded == null) {
            childrenLoaded = new SimpleBooleanProperty();
        }
        return childrenLoaded;
    }

    /** Whether the children were listed (without creating the property). */
    public boolean childrenLoaded() { return childrenLoaded != null && childrenLoaded.get(); }

    public ObservableList<ZNodeModel> children() {
        if (children == null) {
            children = FXCollections.observableArrayList();
        }
        return children;
    }

    /** How many of the children (in the current order) the tree shows; grows a page at a time. */
    public IntegerProperty pageLimitProperty() {
        if (pageLimit == null) {
            pageLimit = new SimpleIntegerProperty(TreeViewModel.PAGE);
        }
        return pageLimit;
    }

    /** Children shown although beyond the page, because a search revealed them. */
    ObservableList<ZNodeModel> revealed() {
        if (revealed == null) {
            revealed = FXCollections.observableArrayList();
        }
        return revealed;
    }

    /** True for the "more children" row that stands for the children not shown. */
    public boolean placeholder() { return placeholder; }

    /**
     * The children the tree shows, in the current order: the first {@code pageLimit}, then those
     * revealed beyond the page that are still children.
     */
    public List<ZNodeModel> shownChildren() {
        List<ZNodeModel> all = children();
        int n = Math.min(pageLimitProperty().get(), all.size());
        List<ZNodeModel> shown = new ArrayList<>(n + 1);
        shown.addAll(all.subList(0, n));
        if (revealed != null && !revealed.isEmpty()) {
            // few revealed nodes: a linear indexOf per node is cheaper than indexing the whole level
            revealed.stream().filter(r -> all.indexOf(r) >= n)
                    .sorted(java.util.Comparator.comparingInt(all::indexOf)).forEach(shown::add);
        }
        return shown;
    }

    /** Children not shown (what the placeholder row stands for). */
    public int hiddenChildren() {
        return children().size() - shownChildren().size();
    }

    boolean statRequested() { return statRequested; }
    void statRequested(boolean v) { statRequested = v; }

    /** Node kind, PERSISTENT until the Stat is known. */
    public NodeKind kind() {
        Stat s = stat();
        return s == null ? NodeKind.PERSISTENT : NodeKind.of(s.getEphemeralOwner());
    }

    /** True when the name carries a sequence suffix. */
    public boolean sequential() {
        return NodeKind.isSequential(name);
    }

    /** Known to have no children (Stat loaded and numChildren 0). */
    public boolean leaf() {
        Stat s = stat();
        return s != null && s.getNumChildren() == 0;
    }

    /** Child by name among loaded children, or null. */
    public ZNodeModel child(String childName) {
        if (children == null) {
            return null;
        }
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
