package org.quorumlab.engine.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JuteOutputTest {

    @Test
    void writesBigEndianPrimitives() {
        JuteOutput out = new JuteOutput();
        out.writeInt(258);
        out.writeLong(-2L);
        out.writeBool(false);
        out.writeBool(true);

        assertThat(out.toByteArray()).containsExactly(
                0, 0, 1, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe, 0, 1);
    }

    @Test
    void writesNullsAsMinusOne() {
        JuteOutput out = new JuteOutput();
        out.writeString(null);
        out.writeBuffer(null);
        out.writeStringVector(null);
        out.writeVector(null, JuteOutput::writeRecord);

        assertThat(out.toByteArray()).hasSize(16).containsOnly(0xff);
    }

    @Test
    void writesUtf8StringsWithByteLength() {
        JuteOutput out = new JuteOutput();
        out.writeString("ü€");

        assertThat(out.toByteArray()).containsExactly(0, 0, 0, 5, 0xc3, 0xbc, 0xe2, 0x82, 0xac);
    }

    @Test
    void growsPastInitialCapacity() {
        JuteOutput out = new JuteOutput();
        byte[] big = new byte[1000];
        Arrays.fill(big, (byte) 7);
        String longString = "x".repeat(300);

        out.writeBuffer(big);
        out.writeString(longString);
        out.writeStringVector(List.of(longString, longString));

        JuteInput in = new JuteInput(out.toByteArray());
        assertThat(in.readBuffer()).isEqualTo(big);
        assertThat(in.readString()).isEqualTo(longString);
        assertThat(in.readStringVector()).containsExactly(longString, longString);
        assertThat(out.size()).isEqualTo(4 + 1000 + 4 + 300 + 4 + 2 * 304);
    }

    @Test
    void backPatchesALengthPrefix() {
        JuteOutput out = new JuteOutput();
        out.writeInt(0);
        new ReplyHeader(3, 99L, ErrorCode.OK.intValue()).write(out);
        out.writeIntAt(0, out.size() - 4);

        JuteInput in = new JuteInput(out.toByteArray());
        assertThat(in.readInt()).isEqualTo(16);
        assertThat(ReplyHeader.read(in)).isEqualTo(new ReplyHeader(3, 99L, 0));
    }

    @Test
    void rejectsBackPatchOutsideWrittenBytes() {
        JuteOutput out = new JuteOutput();
        out.writeInt(1);

        assertThatThrownBy(() -> out.writeIntAt(1, 5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> out.writeIntAt(-1, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void resetKeepsTheBackingArray() {
        JuteOutput out = new JuteOutput();
        out.writeLong(1L);
        byte[] backing = out.array();

        out.reset();
        out.writeInt(9);

        assertThat(out.size()).isEqualTo(4);
        assertThat(out.array()).isSameAs(backing);
        assertThat(Arrays.copyOf(out.array(), out.size())).containsExactly(0, 0, 0, 9);
    }

    @Test
    void rejectsNullNestedRecord() {
        assertThatThrownBy(() -> new ExistsResponse(null).write(new JuteOutput()))
                .isInstanceOf(NullPointerException.class);
    }
}
