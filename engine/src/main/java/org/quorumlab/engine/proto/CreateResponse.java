package org.quorumlab.engine.proto;

/**
 * Reply to create: the actual path, with any sequence suffix.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.CreateResponse}.
 */
public record CreateResponse(String path) implements JuteRecord {

    /** Reads one CreateResponse from {@code in}. */
    public static CreateResponse read(JuteInput in) {
        return new CreateResponse(in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
    }
}
