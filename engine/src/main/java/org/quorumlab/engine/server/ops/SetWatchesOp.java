package org.quorumlab.engine.server.ops;

import java.util.List;
import org.quorumlab.engine.proto.EventType;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.SetWatches;
import org.quorumlab.engine.proto.SetWatches2;
import org.quorumlab.engine.server.ReadContext;
import org.quorumlab.engine.server.ReadOp;
import org.quorumlab.engine.tree.DataNode;
import org.quorumlab.engine.tree.DataTree;
import org.quorumlab.engine.tree.WatchEvent;
import org.quorumlab.engine.tree.WatchMode;
import org.quorumlab.engine.tree.Watcher;

/**
 * setWatches / setWatches2 after a reconnect: re-registers the client's watches, and fires at
 * once those whose node changed past {@code relativeZxid} (ZooKeeper's DataTree.setWatches).
 */
public final class SetWatchesOp implements ReadOp<SetWatches2> {

    private final int opCode;

    public SetWatchesOp(int opCode) {
        this.opCode = opCode;
    }

    @Override
    public int opCode() {
        return opCode;
    }

    @Override
    public SetWatches2 parse(JuteInput in) {
        if (opCode == OpCode.setWatches) {
            SetWatches w = SetWatches.read(in);
            return new SetWatches2(w.relativeZxid(), w.dataWatches(), w.existWatches(), w.childWatches(),
                    List.of(), List.of());
        }
        return SetWatches2.read(in);
    }

    @Override
    public JuteRecord execute(ReadContext ctx, SetWatches2 req) {
        DataTree tree = ctx.tree();
        Watcher w = ctx.connection();
        long rel = req.relativeZxid();
        for (String path : nonNull(req.dataWatches())) {
            DataNode n = tree.getNode(path);
            if (n == null) {
                fire(w, EventType.NodeDeleted, path);
            } else if (n.mzxid() > rel) {
                fire(w, EventType.NodeDataChanged, path);
            } else {
                tree.addDataWatch(path, w);
            }
        }
        for (String path : nonNull(req.existWatches())) {
            if (tree.getNode(path) != null) {
                fire(w, EventType.NodeCreated, path);
            } else {
                tree.addDataWatch(path, w);
            }
        }
        for (String path : nonNull(req.childWatches())) {
            DataNode n = tree.getNode(path);
            if (n == null) {
                fire(w, EventType.NodeDeleted, path);
            } else if (n.pzxid() > rel) {
                fire(w, EventType.NodeChildrenChanged, path);
            } else {
                tree.addChildWatch(path, w);
            }
        }
        for (String path : nonNull(req.persistentWatches())) {
            tree.addWatch(path, w, WatchMode.PERSISTENT);
        }
        for (String path : nonNull(req.persistentRecursiveWatches())) {
            tree.addWatch(path, w, WatchMode.PERSISTENT_RECURSIVE);
        }
        return null;
    }

    private static void fire(Watcher w, EventType type, String path) {
        w.process(new WatchEvent(type, path, -1), List.of());
    }

    private static List<String> nonNull(List<String> l) {
        return l == null ? List.of() : l;
    }
}
