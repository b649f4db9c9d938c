package org.quorumlab.engine.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quorumlab.engine.consensus.Message;
import org.quorumlab.engine.proto.JuteOutput;
import org.quorumlab.engine.proto.MalformedRecordException;
import org.quorumlab.engine.replication.QuorumMessageSamples.Sample;

class MessageCodecTest {

    private static final HexFormat HEX = HexFormat.of();

    static Stream<Sample> samples() {
        return QuorumMessageSamples.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void framesKeepTheirWireFormat(Sample s) {
        assertThat(HEX.formatHex(MessageCodec.encode(s.message()))).isEqualTo(s.hex());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void framesDecodeToTheMessageTheyWereEncodedFrom(Sample s) {
        assertThat(MessageCodec.decode(HEX.parseHex(s.hex()))).usingRecursiveComparison().isEqualTo(s.message());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void aPeerFrameIsItsHeaderFollowedByItsPacket(Sample s) {
        if (s.message() instanceof Message.Peer p) {
            byte[] head = MessageCodec.encodePeerHeader(p.from(), p.session(), p.seq());
            byte[] body = MessageCodec.encodePacket(p.packet());
            assertThat(HEX.formatHex(head) + HEX.formatHex(body)).isEqualTo(s.hex());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16, 99, -1, Integer.MIN_VALUE})
    void anUnknownPacketNumberIsADecodeErrorNamingIt(int number) {
        JuteOutput out = new JuteOutput();
        out.writeLong(2);
        out.writeInt(2);
        out.writeLong(0x99);
        out.writeLong(6);
        out.writeInt(number);
        out.writeLong(17);
        assertThatThrownBy(() -> MessageCodec.decode(out.toByteArray()))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("unknown quorum packet type " + number);
    }

    @Test
    void anUnknownMessageKindIsADecodeErrorNamingIt() {
        JuteOutput out = new JuteOutput();
        out.writeLong(2);
        out.writeInt(3);
        assertThatThrownBy(() -> MessageCodec.decode(out.toByteArray()))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("unknown quorum message kind 3");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void aTruncatedFrameIsADecodeError(Sample s) {
        byte[] frame = HEX.parseHex(s.hex());
        byte[] cut = Arrays.copyOf(frame, frame.length - 1);
        assertThatThrownBy(() -> MessageCodec.decode(cut)).isInstanceOf(MalformedRecordException.class);
    }
}
