package org.quorumlab.engine.proto;

/**
 * Reply to create2, createContainer and createTTL: the actual path and the new node's {@link Stat}.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.Create2Response}.
 */
public record Create2Response(String path, Stat stat) implements JuteRecord {

    /** Reads one Create2Response from {@code in}. */
    public static Create2Response read(JuteInput in) {
        return new Create2Response(
                in.readString(),
                Stat.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeRecord(stat);
    }
}
