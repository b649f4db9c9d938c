package org.quorumlab.engine.replication;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.quorumlab.engine.consensus.Packet;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteOutput;

/**
 * One row of the quorum protocol ({@link PacketKinds#PROTOCOL}): a kind of {@link Packet}, the
 * number that announces it on the wire, what people call it, the zxid it is about, and how its
 * fields are written and read after that number.
 *
 * @param number  the packet's type number on the wire
 * @param type    the record this kind decodes to
 * @param name    ZooKeeper's name for such a packet, upper case
 * @param zxid    the zxid the packet is about (proposed, acknowledged, committed), or null
 * @param writer  writes the fields (not the number)
 * @param reader  reads the fields (the number has been read); throws MalformedRecordException
 * @param <P>     the packet record
 */
record PacketKind<P extends Packet>(int number, Class<P> type, Function<P, String> name, Function<P, Long> zxid,
        BiConsumer<JuteOutput, P> writer, Function<JuteInput, P> reader) {

    /** Writes the number, then the fields. */
    void write(JuteOutput out, Packet packet) {
        out.writeInt(number);
        writer.accept(out, type.cast(packet));
    }

    /** Reads the fields of a packet whose number has been read. */
    P read(JuteInput in) {
        return reader.apply(in);
    }

    String nameOf(Packet packet) {
        return name.apply(type.cast(packet));
    }

    Long zxidOf(Packet packet) {
        return zxid.apply(type.cast(packet));
    }
}
