package org.quorumlab.engine.proto;

/**
 * An identity: an authentication {@code scheme} (world, digest, ip, x509, ...) and its scheme-specific
 * {@code id}.
 *
 * <p>Jute {@code org.apache.zookeeper.data.Id}.
 */
public record Id(String scheme, String id) implements JuteRecord {

    /** Reads one Id from {@code in}. */
    public static Id read(JuteInput in) {
        return new Id(
                in.readString(),
                in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(scheme);
        out.writeString(id);
    }
}
