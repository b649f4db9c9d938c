package org.quorumlab.engine.tree;

import java.util.List;
import org.quorumlab.engine.proto.Stat;

/**
 * Outcome of applying one transaction (or one op of a multi). {@code err} is a ZooKeeper code;
 * {@code data} is only set for reconfig (the new configuration text, which its reply carries).
 */
public record ProcessTxnResult(int type, int err, String path, Stat stat, List<ProcessTxnResult> multiResult,
        byte[] data) {

    static ProcessTxnResult of(int type, int err, String path, Stat stat) {
        return new ProcessTxnResult(type, err, path, stat, List.of(), null);
    }
}
