package org.quorumlab.engine.consensus;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** An immutable, ordered batch of {@link Action}s drained from a {@link ZabNode}. */
public final class Actions implements Iterable<Action> {
    private static final Actions EMPTY = new Actions(List.of());
    private final List<Action> list;

    private Actions(List<Action> list) {
        this.list = list;
    }

    /** Wraps a copy of {@code actions}. */
    public static Actions of(List<Action> actions) {
        return actions.isEmpty() ? EMPTY : new Actions(List.copyOf(actions));
    }

    /** All actions in execution order. */
    public List<Action> all() {
        return list;
    }

    /** Actions of one type, in order. */
    public <T extends Action> List<T> ofType(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Action a : list) {
            if (type.isInstance(a)) {
                out.add(type.cast(a));
            }
        }
        return out;
    }

    /** True iff there is nothing to do. */
    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** Number of actions. */
    public int size() {
        return list.size();
    }

    @Override
    public Iterator<Action> iterator() {
        return list.iterator();
    }

    @Override
    public String toString() {
        return list.toString();
    }
}
