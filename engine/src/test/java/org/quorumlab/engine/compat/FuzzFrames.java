package org.quorumlab.engine.compat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.quorumlab.engine.proto.Acl;
import org.quorumlab.engine.proto.AddWatchRequest;
import org.quorumlab.engine.proto.AuthPacket;
import org.quorumlab.engine.proto.CheckVersionRequest;
import org.quorumlab.engine.proto.CheckWatchesRequest;
import org.quorumlab.engine.proto.CreateRequest;
import org.quorumlab.engine.proto.CreateTTLRequest;
import org.quorumlab.engine.proto.DeleteRequest;
import org.quorumlab.engine.proto.ExistsRequest;
import org.quorumlab.engine.proto.GetACLRequest;
import org.quorumlab.engine.proto.GetAllChildrenNumberRequest;
import org.quorumlab.engine.proto.GetChildren2Request;
import org.quorumlab.engine.proto.GetChildrenRequest;
import org.quorumlab.engine.proto.GetDataRequest;
import org.quorumlab.engine.proto.GetEphemeralsRequest;
import org.quorumlab.engine.proto.Id;
import org.quorumlab.engine.proto.JuteOutput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.MultiHeader;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.ReconfigRequest;
import org.quorumlab.engine.proto.RemoveWatchesRequest;
import org.quorumlab.engine.proto.RequestHeader;
import org.quorumlab.engine.proto.SetACLRequest;
import org.quorumlab.engine.proto.SetDataRequest;
import org.quorumlab.engine.proto.SetWatches2;
import org.quorumlab.engine.proto.SyncRequest;

/**
 * Builds valid request frames with QuorumLab's own Jute records, and the broken variants the fuzzer
 * sends: unknown opcodes, truncated records and impossible length/count prefixes. Fuzz paths are
 * three characters long ({@code /f0}..{@code /f9}) so no mutation can reach a longer path.
 */
final class FuzzFrames {

    /** Opcodes the server must refuse by closing the connection. */
    static final int[] UNKNOWN_OPCODES = {999, 10, 23, 50, 99, 108, 1000, -3, -12, Integer.MAX_VALUE, Integer.MIN_VALUE};

    private static final List<Acl> OPEN = List.of(new Acl(31, new Id("world", "anyone")));

    /** A request body plus its opcode. */
    record Body(int type, byte[] bytes) {
    }

    private FuzzFrames() {
    }

    static byte[] lengthPrefixed(byte[] payload) {
        JuteOutput o = new JuteOutput();
        o.writeInt(payload.length);
        byte[] out = Arrays.copyOf(o.toByteArray(), 4 + payload.length);
        System.arraycopy(payload, 0, out, 4, payload.length);
        return out;
    }

    /** Header + body, without the length prefix. */
    static byte[] request(int xid, int type, byte[] body) {
        JuteOutput o = new JuteOutput();
        new RequestHeader(xid, type).write(o);
        byte[] head = o.toByteArray();
        byte[] out = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    static byte[] bytes(JuteRecord r) {
        JuteOutput o = new JuteOutput();
        r.write(o);
        return o.toByteArray();
    }

    static String path(Random rnd) {
        return "/f" + rnd.nextInt(10);
    }

    /** A well-formed request of a random kind. */
    static Body valid(Random rnd) {
        String p = path(rnd);
        byte[] data = "x".repeat(rnd.nextInt(8)).getBytes(StandardCharsets.US_ASCII);
        return switch (rnd.nextInt(22)) {
            case 0 -> new Body(OpCode.create, bytes(new CreateRequest(p, data, OPEN, rnd.nextInt(4))));
            case 1 -> new Body(OpCode.create2, bytes(new CreateRequest(p, data, OPEN, 0)));
            case 2 -> new Body(OpCode.createContainer, bytes(new CreateRequest(p, data, OPEN, 4)));
            case 3 -> new Body(OpCode.createTTL, bytes(new CreateTTLRequest(p, data, OPEN, 5, 60_000)));
            case 4 -> new Body(OpCode.delete, bytes(new DeleteRequest(p, -1)));
            case 5 -> new Body(OpCode.exists, bytes(new ExistsRequest(p, rnd.nextBoolean())));
            case 6 -> new Body(OpCode.getData, bytes(new GetDataRequest(p, rnd.nextBoolean())));
            case 7 -> new Body(OpCode.setData, bytes(new SetDataRequest(p, data, -1)));
            case 8 -> new Body(OpCode.getACL, bytes(new GetACLRequest(p)));
            case 9 -> new Body(OpCode.setACL, bytes(new SetACLRequest(p, OPEN, -1)));
            case 10 -> new Body(OpCode.getChildren, bytes(new GetChildrenRequest(p, rnd.nextBoolean())));
            case 11 -> new Body(OpCode.getChildren2, bytes(new GetChildren2Request(p, rnd.nextBoolean())));
            case 12 -> new Body(OpCode.sync, bytes(new SyncRequest(p)));
            case 13 -> new Body(OpCode.multi, multi(p, data));
            case 14 -> new Body(OpCode.getEphemerals, bytes(new GetEphemeralsRequest("/f")));
            case 15 -> new Body(OpCode.getAllChildrenNumber, bytes(new GetAllChildrenNumberRequest(p)));
            case 16 -> new Body(OpCode.addWatch, bytes(new AddWatchRequest(p, rnd.nextInt(2))));
            case 17 -> new Body(OpCode.removeWatches, bytes(new RemoveWatchesRequest(p, 1 + rnd.nextInt(3))));
            case 18 -> new Body(OpCode.checkWatches, bytes(new CheckWatchesRequest(p, 1 + rnd.nextInt(3))));
            case 19 -> new Body(OpCode.setWatches2, bytes(new SetWatches2(0, List.of(p), List.of(p), List.of(p),
                    List.of(), List.of(p))));
            case 20 -> new Body(OpCode.auth, bytes(new AuthPacket(0, rnd.nextBoolean() ? "digest" : "nosuch", data)));
            default -> new Body(OpCode.reconfig, bytes(new ReconfigRequest(null, null, "server.1=x", -1)));
        };
    }

    private static byte[] multi(String p, byte[] data) {
        JuteOutput o = new JuteOutput();
        new MultiHeader(OpCode.create, false, -1).write(o);
        new CreateRequest(p, data, OPEN, 0).write(o);
        new MultiHeader(OpCode.check, false, -1).write(o);
        new CheckVersionRequest(p, 0).write(o);
        new MultiHeader(OpCode.setData, false, -1).write(o);
        new SetDataRequest(p, data, -1).write(o);
        new MultiHeader(-1, true, -1).write(o);
        return o.toByteArray();
    }

    /** A request whose length or count prefix claims far more than the frame holds. */
    static Body hugeCount(Random rnd) {
        int huge = rnd.nextBoolean() ? Integer.MAX_VALUE : 0x7ffff000 + rnd.nextInt(0xfff);
        JuteOutput o = new JuteOutput();
        switch (rnd.nextInt(6)) {
            case 0 -> { // ACL vector count
                o.writeString(path(rnd));
                o.writeBuffer(new byte[1]);
                o.writeInt(huge);
                o.writeInt(31);
                return new Body(OpCode.create, o.toByteArray());
            }
            case 1 -> { // path length
                o.writeInt(huge);
                o.writeBuffer(new byte[0]);
                return new Body(OpCode.getData, o.toByteArray());
            }
            case 2 -> { // data length
                o.writeString(path(rnd));
                o.writeInt(huge);
                o.writeInt(-1);
                return new Body(OpCode.setData, o.toByteArray());
            }
            case 3 -> { // setWatches2 list count
                o.writeLong(0);
                o.writeInt(huge);
                o.writeString("/f1");
                return new Body(OpCode.setWatches2, o.toByteArray());
            }
            case 4 -> { // ACL vector count inside a multi
                new MultiHeader(OpCode.create, false, -1).write(o);
                o.writeString(path(rnd));
                o.writeBuffer(new byte[0]);
                o.writeInt(huge);
                return new Body(OpCode.multi, o.toByteArray());
            }
            default -> { // negative length other than -1
                o.writeInt(-2 - rnd.nextInt(1000));
                o.writeBool(true);
                return new Body(OpCode.exists, o.toByteArray());
            }
        }
    }

    /** Drops 1..n trailing bytes so the record cannot be complete. */
    static byte[] truncate(Random rnd, byte[] body) {
        return Arrays.copyOf(body, rnd.nextInt(body.length));
    }

    static byte[] flipBits(Random rnd, byte[] bytes) {
        byte[] out = bytes.clone();
        int flips = 1 + rnd.nextInt(8);
        for (int i = 0; i < flips && out.length > 0; i++) {
            int pos = rnd.nextInt(out.length);
            out[pos] ^= (byte) (1 << rnd.nextInt(8));
        }
        return out;
    }

    static byte[] garbage(Random rnd, int maxLen) {
        byte[] b = new byte[1 + rnd.nextInt(maxLen)];
        rnd.nextBytes(b);
        return b;
    }
}
