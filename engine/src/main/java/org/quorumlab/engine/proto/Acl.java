package org.quorumlab.engine.proto;

/**
 * One access-control entry: the {@link Perms} bits granted to an {@link Id}. Jute name {@code ACL}.
 *
 * <p>Jute {@code org.apache.zookeeper.data.ACL}.
 */
public record Acl(int perms, Id id) implements JuteRecord {

    /** Reads one Acl from {@code in}. */
    public static Acl read(JuteInput in) {
        return new Acl(
                in.readInt(),
                Id.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(perms);
        out.writeRecord(id);
    }
}
