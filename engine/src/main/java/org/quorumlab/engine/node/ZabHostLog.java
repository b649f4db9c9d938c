package org.quorumlab.engine.node;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.quorumlab.engine.config.DynamicConfig;
import org.quorumlab.engine.consensus.LogEntry;
import org.quorumlab.engine.consensus.QuorumConfig;
import org.quorumlab.engine.replication.ZabHost;
import org.quorumlab.engine.txn.Txn;
import org.quorumlab.engine.txn.TxnCodec;
import org.quorumlab.engine.txn.TxnRecord;

/** Converts stored log entries into the consensus core's, restoring which ones were reconfigs. */
final class ZabHostLog {

    private ZabHostLog() {
    }

    static List<LogEntry> toConsensusLog(List<org.quorumlab.engine.storage.LogEntry> stored) {
        List<LogEntry> out = new ArrayList<>(stored.size());
        for (org.quorumlab.engine.storage.LogEntry e : stored) {
            TxnRecord rec = TxnCodec.decode(e.payload());
            QuorumConfig qc = null;
            if (rec.txn() instanceof Txn.Reconfig r) {
                qc = ZabHost.toQuorumConfig(DynamicConfig.parse(new String(r.configData(), StandardCharsets.UTF_8)))
                        .withVersion(e.zxid());
            }
            out.add(new LogEntry(e.zxid(), e.payload(), qc));
        }
        return out;
    }
}
