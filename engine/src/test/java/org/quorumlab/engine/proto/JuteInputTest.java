package org.quorumlab.engine.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JuteInputTest {

    @Test
    void readsBigEndianPrimitives() {
        JuteInput in = new JuteInput(new byte[] {
            0, 0, 1, 2,
            (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfe,
            0, 7});

        assertThat(in.readInt()).isEqualTo(258);
        assertThat(in.readLong()).isEqualTo(-2L);
        assertThat(in.readBool()).isFalse();
        assertThat(in.readBool()).isTrue();
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void readsMinusOneLengthsAsNull() {
        JuteOutput out = new JuteOutput();
        out.writeInt(-1);
        out.writeInt(-1);
        out.writeInt(-1);
        JuteInput in = new JuteInput(out.toByteArray());

        assertThat(in.readString()).isNull();
        assertThat(in.readBuffer()).isNull();
        assertThat(in.readStringVector()).isNull();
    }

    @Test
    void readsEmptyValues() {
        JuteInput in = new JuteInput(new byte[12]);

        assertThat(in.readString()).isEmpty();
        assertThat(in.readBuffer()).isEmpty();
        assertThat(in.readVector(JuteInput::readInt)).isEmpty();
    }

    @Test
    void readsUtf8FromHeapSliceAndDirectBuffers() {
        JuteOutput out = new JuteOutput();
        out.writeString("/zk/ünï/✓");
        byte[] bytes = out.toByteArray();
        ByteBuffer padded = ByteBuffer.allocate(bytes.length + 3);
        padded.put(new byte[3]).put(bytes).flip().position(3);
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();

        assertThat(new JuteInput(padded.slice()).readString()).isEqualTo("/zk/ünï/✓");
        assertThat(new JuteInput(direct).readString()).isEqualTo("/zk/ünï/✓");
        assertThat(new JuteInput(ByteBuffer.wrap(bytes).asReadOnlyBuffer()).readString()).isEqualTo("/zk/ünï/✓");
    }

    @Test
    void advancesTheWrappedBuffer() {
        ByteBuffer buf = ByteBuffer.wrap(new byte[] {0, 0, 0, 5, 1});

        new JuteInput(buf).readInt();

        assertThat(buf.position()).isEqualTo(4);
    }

    @Test
    void returnsVectorsThatCannotBeModified() {
        JuteOutput out = new JuteOutput();
        out.writeStringVector(List.of("a"));

        List<String> read = new JuteInput(out.toByteArray()).readStringVector();

        assertThatThrownBy(() -> read.add("b")).isInstanceOf(UnsupportedOperationException.class);
    }

    static Stream<Arguments> malformed() {
        Consumer<JuteInput> string = JuteInput::readString;
        Consumer<JuteInput> buffer = JuteInput::readBuffer;
        Consumer<JuteInput> vector = JuteInput::readStringVector;
        Consumer<JuteInput> recordVector = in -> in.readVector(Acl::read);
        return Stream.of(
                Arguments.of("truncated int", bytes(0, 0, 1), (Consumer<JuteInput>) JuteInput::readInt),
                Arguments.of("truncated long", bytes(0, 0, 0, 0, 0, 0, 1), (Consumer<JuteInput>) JuteInput::readLong),
                Arguments.of("empty bool", bytes(), (Consumer<JuteInput>) JuteInput::readBool),
                Arguments.of("string length -5", withLength(-5, 10), string),
                Arguments.of("buffer length -5", withLength(-5, 10), buffer),
                Arguments.of("vector count -5", withLength(-5, 10), vector),
                Arguments.of("string length 2^30", withLength(1 << 30, 10), string),
                Arguments.of("buffer length 2^30", withLength(1 << 30, 10), buffer),
                Arguments.of("vector count 2^30", withLength(1 << 30, 10), vector),
                Arguments.of("record vector count 2^30", withLength(1 << 30, 10), recordVector),
                Arguments.of("string length MIN_VALUE", withLength(Integer.MIN_VALUE, 10), string),
                Arguments.of("string one byte short", withLength(4, 3), string),
                Arguments.of("vector whose elements run out", withLength(3, 8), vector));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectsMalformedInput(String description, byte[] bytes, Consumer<JuteInput> read) {
        assertThatThrownBy(() -> read.accept(new JuteInput(bytes)))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageNotContaining("null");
    }

    @Test
    void explainsWhatWentWrong() {
        assertThatThrownBy(() -> new JuteInput(withLength(1 << 30, 10)).readBuffer())
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("buffer length 1073741824 exceeds the 10 bytes left");
        assertThatThrownBy(() -> new JuteInput(withLength(-5, 10)).readString())
                .hasMessage("negative ustring length -5");
        assertThatThrownBy(() -> new JuteInput(bytes(0, 0)).readInt())
                .hasMessage("truncated int: need 4 bytes, 2 left");
    }

    private static byte[] withLength(int length, int bodyBytes) {
        return ByteBuffer.allocate(4 + bodyBytes).putInt(length).array();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
