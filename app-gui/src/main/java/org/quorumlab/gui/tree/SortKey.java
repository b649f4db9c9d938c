package org.quorumlab.gui.tree;

import java.util.Comparator;
import org.apache.zookeeper.data.Stat;

/** Orders for sibling nodes in the tree. */
public enum SortKey {
    NAME, CTIME, MTIME, SIZE, CHILDREN;

    /** Comparator for this key; nodes without a Stat sort last, ties by name. */
    public Comparator<ZNodeModel> comparator() {
        Comparator<ZNodeModel> byName = Comparator.comparing(ZNodeModel::name);
        if (this == NAME) {
            return byName;
        }
        Comparator<ZNodeModel> byKey = Comparator.comparing(n -> value(n.stat()),
                Comparator.nullsLast(Comparator.<Long>naturalOrder()));
        return byKey.thenComparing(byName);
    }

    private Long value(Stat s) {
        if (s == null) {
            return null;
        }
        return switch (this) {
            case CTIME -> s.getCtime();
            case MTIME -> s.getMtime();
            case SIZE -> (long) s.getDataLength();
            case CHILDREN -> (long) s.getNumChildren();
            case NAME -> 0L;
        };
    }

    @Override
    public String toString() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }
}
