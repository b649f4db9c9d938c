package org.quorumlab.engine.consensus.sim;

import org.quorumlab.engine.consensus.Action;
import org.quorumlab.engine.consensus.Event;
import org.quorumlab.engine.consensus.Message;
import org.quorumlab.engine.consensus.ProposeResult;
import org.quorumlab.engine.consensus.Zxid;

/**
 * Executes a simulated server's actions the way a real host would: sends through the network,
 * queues log writes for group commit, treats epoch/truncate/snapshot/config writes as barriers,
 * applies committed entries to the durable state machine, turns forwarded requests into
 * proposals; and reports everything to the trace, the statistics and the invariant checker.
 */
final class SimHost {
    private final SimulatedCluster c;

    SimHost(SimulatedCluster cluster) {
        this.c = cluster;
    }

    void execute(SimNode n, Action a) {
        long id = n.id;
        String kind = a instanceof Event.SyncModeChosen sm ? "Sync" + sm.mode() : a.getClass().getSimpleName();
        c.stats.merge(kind, 1, Integer::sum);
        if (a instanceof Action.Send s) {
            String lost = c.net.send(id, s.to(), s.message(), c.now);
            if (lost != null && s.message() instanceof Message.Peer) {
                c.trace.add(c.now, id, () -> "LOST(" + lost + ") -> n" + s.to() + " " + SimulatedCluster.brief(s.message()));
            }
        } else if (a instanceof Action.PersistEntries p) {
            n.pending.add(p);
        } else if (a instanceof Action.PersistEpoch p) {
            n.flushAllSilently();
            n.acceptedEpoch = p.acceptedEpoch();
            n.currentEpoch = p.currentEpoch();
        } else if (a instanceof Action.Truncate t) {
            n.truncateDurable(t.afterZxid());
            c.trace.add(c.now, id, () -> "TRUNCATE after " + Zxid.toHex(t.afterZxid()));
        } else if (a instanceof Action.InstallSnapshot s) {
            long oldSize = n.sm.size();
            n.installSnapshot(s.zxid(), s.snapshot());
            c.trace.add(c.now, id, () -> "INSTALL SNAPSHOT at " + Zxid.toHex(s.zxid()));
            c.invariants.onSnapshotInstalled(id, oldSize, n.sm);
        } else if (a instanceof Action.Apply ap) {
            SimStateMachine.OpResult r = n.sm.apply(ap.entry());
            c.invariants.onApply(id, ap.entry(), n.sm.size(), n.sm.chain());
            if (r != null) {
                for (var l : c.applyListeners) {
                    l.accept(id, r);
                }
            }
        } else if (a instanceof Action.ActivateConfig ac) {
            n.flushAllSilently();
            n.config = ac.config();
        } else if (a instanceof Action.HandleForwardedRequest h) {
            ProposeResult res = n.zab.propose(h.request());
            c.trace.add(c.now, id, () -> "forwarded from n" + h.fromServer() + " -> " + res);
        } else if (a instanceof Action.SyncCompleted s) {
            for (var l : c.syncListeners) {
                l.accept(id, s.token());
            }
        } else if (a instanceof Event.LeaderEstablished e) {
            c.trace.add(c.now, id, e);
            c.invariants.onEstablished(id, e.epoch(), n.zab);
        } else if (a instanceof Event.SyncModeChosen e) {
            c.syncDecisions.add(e);
            c.trace.add(c.now, id, e);
        } else if (a instanceof Event.ReconfigCommitted r) {
            c.committedConfigVersions.add(r.config().version());
            c.trace.add(c.now, id, a);
        } else if (a instanceof Action.RoleChanged || a instanceof Event.StateChanged || a instanceof Event.StepDown) {
            c.trace.add(c.now, id, a);
        }
    }
}
