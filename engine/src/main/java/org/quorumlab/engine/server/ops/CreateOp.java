package org.quorumlab.engine.server.ops;

import java.util.List;
import java.util.Locale;
import org.quorumlab.engine.proto.Acl;
import org.quorumlab.engine.proto.Create2Response;
import org.quorumlab.engine.proto.CreateMode;
import org.quorumlab.engine.proto.CreateRequest;
import org.quorumlab.engine.proto.CreateResponse;
import org.quorumlab.engine.proto.CreateTTLRequest;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.Perms;
import org.quorumlab.engine.proto.ZooKeeperException;
import org.quorumlab.engine.server.ChangeRecord;
import org.quorumlab.engine.server.PathValidator;
import org.quorumlab.engine.server.PrepareContext;
import org.quorumlab.engine.server.WriteOp;
import org.quorumlab.engine.tree.EphemeralKind;
import org.quorumlab.engine.tree.ProcessTxnResult;
import org.quorumlab.engine.txn.Txn;

/**
 * create, create2, createContainer and createTTL: one validation path (ZooKeeper's
 * pRequest2TxnCreate), registered once per opcode; they differ only in request and reply shape.
 */
public final class CreateOp implements WriteOp<CreateTTLRequest> {

    private final int opCode;

    public CreateOp(int opCode) {
        this.opCode = opCode;
    }

    @Override
    public int opCode() {
        return opCode;
    }

    @Override
    public CreateTTLRequest parse(JuteInput in) {
        if (opCode == OpCode.createTTL) {
            return CreateTTLRequest.read(in);
        }
        CreateRequest r = CreateRequest.read(in);
        return new CreateTTLRequest(r.path(), r.data(), r.acl(), r.flags(), -1);
    }

    @Override
    public Txn prepare(PrepareContext ctx, CreateTTLRequest req) {
        CreateMode mode = CreateMode.fromFlag(req.flags());
        validateTtl(ctx, mode, req.ttl(), req.path());
        String path = req.path();
        if (path == null || path.lastIndexOf('/') < 0 || path.indexOf('\0') >= 0) {
            throw ZooKeeperException.badArguments(String.valueOf(path));
        }
        String parentPath = PrepareContext.parentOf(path);
        List<Acl> acl = ctx.fixupAcl(path, req.acl());
        ChangeRecord parent = ctx.node(parentPath);
        ctx.checkAcl(parent, Perms.CREATE, path);
        if (mode.isSequential()) {
            path = path + String.format(Locale.ENGLISH, "%010d", parent.cversion);
        }
        PathValidator.validate(path);
        if (ctx.exists(path)) {
            throw ZooKeeperException.nodeExists(path);
        }
        if (EphemeralKind.of(parent.ephemeralOwner) == EphemeralKind.SESSION) {
            throw ZooKeeperException.noChildrenForEphemerals(path);
        }
        ctx.checkCreateQuota(path, req.data());
        int newCversion = parent.cversion + 1;
        long owner = ownerFor(mode, req.ttl(), ctx.sessionId());
        ChangeRecord updatedParent = parent.duplicate(ctx.zxid());
        updatedParent.childCount++;
        updatedParent.cversion = newCversion;
        ctx.record(updatedParent);
        ctx.record(new ChangeRecord(ctx.zxid(), path, true, 0, 0, 0, owner, 0, acl, req.data()));
        return new Txn.Create(opCode, path, req.data(), acl, owner, newCversion);
    }

    private void validateTtl(PrepareContext ctx, CreateMode mode, long ttl, String path) {
        if (mode.isTtl() && !ctx.config().extendedTypesEnabled()) {
            throw ZooKeeperException.unimplemented("TTL nodes need extendedTypesEnabled=true");
        }
        if (mode.isTtl()) {
            if (ttl <= 0 || ttl > EphemeralKind.MAX_TTL) {
                throw ZooKeeperException.badArguments(path);
            }
        } else if (ttl >= 0) {
            throw ZooKeeperException.badArguments(path);
        }
    }

    private static long ownerFor(CreateMode mode, long ttl, long sessionId) {
        if (mode.isContainer()) {
            return EphemeralKind.CONTAINER_OWNER;
        }
        if (mode.isTtl()) {
            return EphemeralKind.ttlOwner(ttl);
        }
        return mode.isEphemeral() ? sessionId : 0;
    }

    @Override
    public JuteRecord reply(ProcessTxnResult result) {
        if (opCode == OpCode.create) {
            return new CreateResponse(result.path());
        }
        return new Create2Response(result.path(), result.stat());
    }
}
