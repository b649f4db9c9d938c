package org.quorumlab.engine.server.ops;

import java.util.ArrayList;
import java.util.List;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.MultiHeader;
import org.quorumlab.engine.proto.ZooKeeperException;
import org.quorumlab.engine.server.OpRegistry;

/** The ops of a multi or multiRead, parsed by the registered handler of each op's type. */
record MultiRequest(List<Op> ops) {

    record Op(int type, Object request) {
    }

    static MultiRequest read(JuteInput in, OpRegistry registry, boolean reads) {
        List<Op> ops = new ArrayList<>();
        MultiHeader h = MultiHeader.read(in);
        while (!h.done()) {
            var handler = reads ? registry.multiReadOp(h.type()) : registry.multiWriteOp(h.type());
            if (handler == null) {
                throw ZooKeeperException.marshallingError("op type " + h.type() + " not allowed in this multi");
            }
            Object request = reads ? registry.multiReadOp(h.type()).parse(in) : registry.multiWriteOp(h.type()).parse(in);
            ops.add(new Op(h.type(), request));
            h = MultiHeader.read(in);
        }
        return new MultiRequest(ops);
    }
}
