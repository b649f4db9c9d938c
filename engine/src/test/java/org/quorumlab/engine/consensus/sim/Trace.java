package org.quorumlab.engine.consensus.sim;

import java.util.ArrayDeque;
import java.util.function.Supplier;

/** Ring buffer of the last simulator events, formatted lazily, for failure reports. */
public final class Trace {
    private record Line(long step, long node, Object what) {
    }

    private final ArrayDeque<Line> lines = new ArrayDeque<>();
    private final int capacity;

    /** A trace keeping the last {@code capacity} lines. */
    public Trace(int capacity) {
        this.capacity = capacity;
    }

    /** Records one line; {@code what} is formatted only if the trace is printed. */
    public void add(long step, long node, Object what) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(new Line(step, node, what));
    }

    /** Records a lazily computed line. */
    public void add(long step, long node, Supplier<String> what) {
        add(step, node, (Object) new Object() {
            @Override
            public String toString() {
                return what.get();
            }
        });
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) {
            sb.append(String.format("  [%5d] n%-2d %s%n", l.step(), l.node(), l.what()));
        }
        return sb.toString();
    }
}
