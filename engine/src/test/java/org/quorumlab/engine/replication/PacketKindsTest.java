package org.quorumlab.engine.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quorumlab.engine.consensus.Message;
import org.quorumlab.engine.consensus.Packet;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.replication.QuorumMessageSamples.Sample;

/** The one table of quorum packet kinds: complete, unambiguous, and what encode, decode and names use. */
class PacketKindsTest {

    /** A peer frame is its header, then the packet number. */
    private static final int PACKET_NUMBER_OFFSET = MessageCodec.encodePeerHeader(0, 0, 0).length;

    static Stream<PacketKind<?>> kinds() {
        return PacketKinds.PROTOCOL.all().stream();
    }

    static Stream<Named<PacketKind<?>>> namedKinds() {
        return kinds().map(k -> Named.of(k.number() + " " + k.type().getSimpleName(), k));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedKinds")
    void everyKindInTheTableRoundTripsUnderItsOwnNumber(PacketKind<?> kind) {
        List<Sample> ofKind = QuorumMessageSamples.all().stream()
                .filter(s -> s.message() instanceof Message.Peer p && p.packet().getClass() == kind.type()).toList();
        assertThat(ofKind).as("samples of " + kind.type().getSimpleName()).isNotEmpty();
        for (Sample s : ofKind) {
            byte[] frame = MessageCodec.encode(s.message());
            assertThat(new JuteInput(Arrays.copyOfRange(frame, PACKET_NUMBER_OFFSET, frame.length)).readInt())
                    .as(s.name() + " number on the wire").isEqualTo(kind.number());
            assertThat(MessageCodec.decode(frame)).as(s.name()).usingRecursiveComparison().isEqualTo(s.message());
        }
    }

    @Test
    void everyPacketRecordOfTheConsensusCoreHasOneRow() {
        List<Class<?>> types = kinds().<Class<?>>map(PacketKind::type).toList();
        assertThat(types).doesNotHaveDuplicates().containsExactlyInAnyOrder(Packet.class.getPermittedSubclasses());
    }

    @Test
    void wireNumbersAreUnique() {
        assertThat(kinds().map(PacketKind::number)).doesNotHaveDuplicates();
    }

    @Test
    void aTableThatGivesTwoKindsOneNumberIsRefused() {
        PacketKind<?> ack = PacketKinds.PROTOCOL.of(new Packet.Ack(1));
        PacketKind<Packet.Commit> commitAsAck = new PacketKind<>(ack.number(), Packet.Commit.class, p -> "COMMIT",
                Packet.Commit::zxid, (out, p) -> out.writeLong(p.zxid()), in -> new Packet.Commit(in.readLong()));
        assertThatThrownBy(() -> new PacketKinds(List.of(ack, commitAsAck)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("packet number " + ack.number() + " declared for both Ack and Commit");
    }

    @Test
    void aTableThatDeclaresOneRecordTwiceIsRefused() {
        PacketKind<?> ack = PacketKinds.PROTOCOL.of(new Packet.Ack(1));
        PacketKind<Packet.Ack> ackAgain = new PacketKind<>(99, Packet.Ack.class, p -> "ACK", Packet.Ack::zxid,
                (out, p) -> out.writeLong(p.zxid()), in -> new Packet.Ack(in.readLong()));
        assertThatThrownBy(() -> new PacketKinds(List.of(ack, ackAgain)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Ack declared twice");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.quorumlab.engine.replication.MessageCodecTest#samples")
    void messagesAreNamedAndPlacedAsZooKeeperDoes(Sample s) {
        assertThat(MessageKind.of(s.message())).isEqualTo(s.name().split(" ")[0]);
        assertThat(MessageKind.zxidOf(s.message())).isEqualTo(s.zxid());
    }
}
