package org.quorumlab.engine.proto;

import java.util.List;

/**
 * Reply to getChildren: child names, not full paths.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.GetChildrenResponse}.
 */
public record GetChildrenResponse(List<String> children) implements JuteRecord {

    /** Reads one GetChildrenResponse from {@code in}. */
    public static GetChildrenResponse read(JuteInput in) {
        return new GetChildrenResponse(in.readStringVector());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeStringVector(children);
    }
}
