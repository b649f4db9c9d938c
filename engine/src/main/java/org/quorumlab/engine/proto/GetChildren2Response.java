package org.quorumlab.engine.proto;

import java.util.List;

/**
 * Reply to getChildren2: child names and the parent's {@link Stat}.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.GetChildren2Response}.
 */
public record GetChildren2Response(List<String> children, Stat stat) implements JuteRecord {

    /** Reads one GetChildren2Response from {@code in}. */
    public static GetChildren2Response read(JuteInput in) {
        return new GetChildren2Response(
                in.readStringVector(),
                Stat.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        out.writeStringVector(children);
        out.writeRecord(stat);
    }
}
