package org.quorumlab.engine.proto;

import java.util.List;

/**
 * Reply to getEphemerals: full paths.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.GetEphemeralsResponse}.
 */
public record GetEphemeralsResponse(List<String> ephemerals) implements JuteRecord {

    /** Reads one GetEphemeralsResponse from {@code in}. */
    public static GetEphemeralsResponse read(JuteInput in) {
        return new GetEphemeralsResponse(in.readStringVector());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeStringVector(ephemerals);
    }
}
