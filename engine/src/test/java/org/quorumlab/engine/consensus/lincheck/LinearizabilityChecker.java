package org.quorumlab.engine.consensus.lincheck;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Wing &amp; Gong's linearizability search with Lowe's memoization, as in Porcupine/Knossos: walk the
 * time-ordered list of call and return events, tentatively linearize any op whose call precedes
 * the first pending return, backtrack when a return is reached before its op was linearized, and
 * never revisit a (linearized-set, state) configuration. Pending ops (no response) may be
 * linearized anywhere after their call, or not at all.
 */
public final class LinearizabilityChecker {
    /** Outcome: linearizable or not, the linearization order found, and the search effort. */
    public record Result(boolean linearizable, List<Integer> order, long explored) {
    }

    private static final class Node {
        final RegisterOp op;
        final boolean isCall;
        Node match;
        Node prev;
        Node next;

        Node(RegisterOp op, boolean isCall) {
            this.op = op;
            this.isCall = isCall;
        }
    }

    private record Config(BitSet linearized, RegisterModel.State state) {
    }

    private record Frame(Node call, RegisterModel.State stateBefore) {
    }

    private LinearizabilityChecker() {
    }

    /** Thrown when a search explores more configurations than its bound: neither verdict is known. */
    public static final class SearchLimitExceeded extends RuntimeException {
        public SearchLimitExceeded(long explored) {
            super("linearizability search gave up after " + explored + " configurations");
        }
    }

    /** Checks {@code history} (op ids must be 0..n-1) against the register model. */
    public static Result check(List<RegisterOp> history) {
        return check(history, Long.MAX_VALUE);
    }

    /**
     * {@link #check(List)} exploring at most {@code maxExplored} configurations (the memo grows with
     * them), for histories whose many pending ops could make the search exponential.
     *
     * @throws SearchLimitExceeded when the bound is reached before a verdict
     */
    public static Result check(List<RegisterOp> history, long maxExplored) {
        List<Node> events = new ArrayList<>();
        for (RegisterOp op : history) {
            Node call = new Node(op, true);
            events.add(call);
            if (!op.pending()) {
                Node ret = new Node(op, false);
                call.match = ret;
                events.add(ret);
            }
        }
        // By time; at equal times calls first (treated as concurrent).
        events.sort(Comparator.comparingLong((Node n) -> n.isCall ? n.op.call() : n.op.ret())
                .thenComparing(n -> n.isCall ? 0 : 1));
        Node head = new Node(null, false);
        Node prev = head;
        int returns = 0;
        for (Node n : events) {
            prev.next = n;
            n.prev = prev;
            prev = n;
            if (!n.isCall) {
                returns++;
            }
        }
        Set<Config> cache = new HashSet<>();
        Deque<Frame> stack = new ArrayDeque<>();
        BitSet linearized = new BitSet();
        RegisterModel.State state = RegisterModel.INITIAL;
        Node entry = head.next;
        long explored = 0;
        while (returns > 0) {
            if (++explored > maxExplored) {
                throw new SearchLimitExceeded(maxExplored);
            }
            if (entry == null) {
                // only pending calls remain ahead of us but returns exist behind: backtrack
                if (stack.isEmpty()) {
                    return new Result(false, List.of(), explored);
                }
                Frame f = stack.pop();
                state = f.stateBefore();
                linearized.clear(f.call().op.id());
                returns += f.call().match != null ? 1 : 0;
                unlift(f.call());
                entry = f.call().next;
                continue;
            }
            if (entry.isCall) {
                RegisterModel.State next = RegisterModel.step(state, entry.op);
                if (next != null) {
                    BitSet candidate = (BitSet) linearized.clone();
                    candidate.set(entry.op.id());
                    if (cache.add(new Config(candidate, next))) {
                        stack.push(new Frame(entry, state));
                        state = next;
                        linearized = candidate;
                        returns -= entry.match != null ? 1 : 0;
                        lift(entry);
                        entry = head.next;
                        continue;
                    }
                }
                entry = entry.next;
            } else {
                if (stack.isEmpty()) {
                    return new Result(false, List.of(), explored);
                }
                Frame f = stack.pop();
                state = f.stateBefore();
                linearized.clear(f.call().op.id());
                returns += f.call().match != null ? 1 : 0;
                unlift(f.call());
                entry = f.call().next;
            }
        }
        List<Integer> order = new ArrayList<>();
        for (Frame f : stack) {
            order.add(0, f.call().op.id());
        }
        return new Result(true, order, explored);
    }

    private static void lift(Node call) {
        call.prev.next = call.next;
        if (call.next != null) {
            call.next.prev = call.prev;
        }
        Node ret = call.match;
        if (ret != null) {
            ret.prev.next = ret.next;
            if (ret.next != null) {
                ret.next.prev = ret.prev;
            }
        }
    }

    private static void unlift(Node call) {
        Node ret = call.match;
        if (ret != null) {
            ret.prev.next = ret;
            if (ret.next != null) {
                ret.next.prev = ret;
            }
        }
        call.prev.next = call;
        if (call.next != null) {
            call.next.prev = call;
        }
    }
}
