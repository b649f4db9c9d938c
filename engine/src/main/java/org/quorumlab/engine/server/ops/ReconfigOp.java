package org.quorumlab.engine.server.ops;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.quorumlab.engine.config.ConfigException;
import org.quorumlab.engine.config.DynamicConfig;
import org.quorumlab.engine.config.QuorumServerSpec;
import org.quorumlab.engine.proto.ErrorCode;
import org.quorumlab.engine.proto.GetDataResponse;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.Perms;
import org.quorumlab.engine.proto.ReconfigRequest;
import org.quorumlab.engine.proto.ZooKeeperException;
import org.quorumlab.engine.server.ChangeRecord;
import org.quorumlab.engine.server.PrepareContext;
import org.quorumlab.engine.server.WriteOp;
import org.quorumlab.engine.tree.DataTree;
import org.quorumlab.engine.tree.ProcessTxnResult;
import org.quorumlab.engine.txn.Txn;

/**
 * reconfig with ZooKeeper's semantics: incremental (joining/leaving) or new-members form,
 * optional expected config version, WRITE on {@code /zookeeper/config} (so super or skipACL), at
 * least two voters. Quorum checks (NEWCONFIGNOQUORUM, RECONFIGINPROGRESS) are the consensus
 * layer's; a standalone server answers UNIMPLEMENTED as ZooKeeper does.
 */
public final class ReconfigOp implements WriteOp<ReconfigRequest> {

    @Override
    public int opCode() {
        return OpCode.reconfig;
    }

    @Override
    public ReconfigRequest parse(JuteInput in) {
        return ReconfigRequest.read(in);
    }

    @Override
    public Txn prepare(PrepareContext ctx, ReconfigRequest req) {
        if (!ctx.config().reconfigEnabled()) {
            throw new ZooKeeperException(ErrorCode.RECONFIGDISABLED, "reconfig is disabled (reconfigEnabled=false)");
        }
        if (!ctx.config().isReplicated()) {
            throw ZooKeeperException.unimplemented("reconfig needs a replicated ensemble");
        }
        DynamicConfig current = DynamicConfig.parse(ctx.configText());
        if (req.curConfigId() != -1 && req.curConfigId() != current.version()) {
            throw new ZooKeeperException(ErrorCode.BADVERSION, "Reconfiguration from version "
                    + Long.toHexString(req.curConfigId()) + " failed -- last seen version is "
                    + Long.toHexString(current.version()));
        }
        DynamicConfig next;
        try {
            next = req.newMembers() != null ? DynamicConfig.parse(req.newMembers()) : incremental(current, req);
        } catch (ConfigException | NumberFormatException e) {
            throw ZooKeeperException.badArguments(e.getMessage());
        }
        if (next.voters().size() < 2) {
            throw ZooKeeperException.badArguments("Reconfig failed - new configuration must include at least 2 followers");
        }
        for (QuorumServerSpec s : next.servers().values()) {
            if (s.clientPort() <= 0) {
                throw ZooKeeperException.badArguments("server." + s.id() + " has no client port (host:q:e;client)");
            }
        }
        ChangeRecord configNode = ctx.node(DataTree.CONFIG);
        ctx.checkAcl(configNode, Perms.WRITE, DataTree.CONFIG);
        byte[] data = next.withVersion(ctx.zxid()).format().getBytes(StandardCharsets.UTF_8);
        ChangeRecord updated = configNode.duplicate(ctx.zxid());
        updated.version++;
        ctx.record(updated);
        return new Txn.Reconfig(data);
    }

    private static DynamicConfig incremental(DynamicConfig current, ReconfigRequest req) {
        Map<Long, QuorumServerSpec> next = new TreeMap<>(current.servers());
        if (req.leavingServers() != null && !req.leavingServers().isBlank()) {
            for (String id : req.leavingServers().split(",")) {
                next.remove(Long.parseLong(id.trim()));
            }
        }
        if (req.joiningServers() != null && !req.joiningServers().isBlank()) {
            for (String joiner : req.joiningServers().split(",")) {
                String[] parts = joiner.trim().split("=", 2);
                if (parts.length != 2) {
                    throw new ConfigException("Wrong format of server string");
                }
                long id = Long.parseLong(parts[0].substring(parts[0].lastIndexOf('.') + 1).trim());
                QuorumServerSpec spec = QuorumServerSpec.parse(id, parts[1].trim());
                next.put(id, spec);
            }
        }
        List<QuorumServerSpec> specs = new ArrayList<>(next.values());
        return DynamicConfig.of(current.version(), specs);
    }

    @Override
    public JuteRecord reply(ProcessTxnResult result) {
        return new GetDataResponse(result.data(), result.stat());
    }
}
