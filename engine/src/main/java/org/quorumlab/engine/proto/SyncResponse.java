package org.quorumlab.engine.proto;

/**
 * Reply to sync.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.SyncResponse}.
 */
public record SyncResponse(String path) implements JuteRecord {

    /** Reads one SyncResponse from {@code in}. */
    public static SyncResponse read(JuteInput in) {
        return new SyncResponse(in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
    }
}
