package org.quorumlab.engine.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecordRoundTripTest {

    static Stream<Arguments> recordsAndSeeds() {
        return RecordSamples.allRecordClasses().stream()
                .flatMap(c -> Stream.of(
                        Arguments.of(c, 1L, false), Arguments.of(c, 2L, false), Arguments.of(c, 3L, true)));
    }

    static Stream<Class<? extends JuteRecord>> records() {
        return RecordSamples.allRecordClasses().stream();
    }

    @Test
    void coversEveryJuteClassOfTheDataAndProtoModulesExceptSaslAndMaxChildren() {
        assertThat(RecordSamples.allRecordClasses()).hasSize(46);
    }

    @ParameterizedTest(name = "{0} seed={1} nulls={2}")
    @MethodSource("recordsAndSeeds")
    void roundTrips(Class<? extends JuteRecord> type, long seed, boolean nulls) {
        JuteRecord original = new RecordSamples(seed, nulls).sample(type);
        byte[] bytes = RecordSamples.bytesOf(original);

        JuteInput in = new JuteInput(bytes);
        JuteRecord decoded = RecordSamples.read(type, in);

        assertThat(decoded).isEqualTo(original).hasSameHashCodeAs(original);
        assertThat(decoded.toString()).isEqualTo(original.toString());
        assertThat(in.hasRemaining()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void rejectsEveryTruncation(Class<? extends JuteRecord> type) {
        byte[] bytes = RecordSamples.bytesOf(new RecordSamples(7, false).sample(type));
        boolean optionalReadOnly = type == ConnectRequest.class || type == ConnectResponse.class;
        int shortest = optionalReadOnly ? bytes.length - 1 : bytes.length;

        for (int len = 0; len < shortest; len++) {
            JuteInput in = new JuteInput(Arrays.copyOf(bytes, len));
            assertThatThrownBy(() -> RecordSamples.read(type, in))
                    .as("%s truncated to %d of %d bytes", type.getSimpleName(), len, bytes.length)
                    .isInstanceOf(MalformedRecordException.class);
        }
    }

    @Test
    void readsConnectRequestOfOldClientsWithoutReadOnlyFlag() {
        ConnectRequest full = new ConnectRequest(0, 42L, 30_000, 0L, new byte[16], true);
        byte[] bytes = RecordSamples.bytesOf(full);

        ConnectRequest old = ConnectRequest.read(new JuteInput(Arrays.copyOf(bytes, bytes.length - 1)));

        assertThat(old).isEqualTo(new ConnectRequest(0, 42L, 30_000, 0L, new byte[16], false));
    }

    @Test
    void readsConnectResponseWithoutReadOnlyFlag() {
        byte[] bytes = RecordSamples.bytesOf(new ConnectResponse(0, 4_000, 7L, new byte[] {1, 2}, true));

        ConnectResponse old = ConnectResponse.read(new JuteInput(Arrays.copyOf(bytes, bytes.length - 1)));

        assertThat(old).isEqualTo(new ConnectResponse(0, 4_000, 7L, new byte[] {1, 2}, false));
    }

    @Test
    void comparesByteArraysByContent() {
        List<Acl> acl = List.of(new Acl(Perms.ALL, new Id("world", "anyone")));
        CreateRequest a = new CreateRequest("/a", new byte[] {1, 2, 3}, acl, 0);
        CreateRequest b = new CreateRequest("/a", new byte[] {1, 2, 3}, List.copyOf(acl), 0);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new CreateRequest("/a", new byte[] {1, 2, 4}, acl, 0));
        assertThat(a).isNotEqualTo(new CreateRequest("/a", null, acl, 0));
    }

    @Test
    void toStringShowsBufferLengthsNotContents() {
        ConnectRequest r = new ConnectRequest(0, 0L, 30_000, 5L, "secret-password!".getBytes(), false);

        assertThat(r.toString()).contains("passwd=byte[16]").doesNotContain("secret");
        assertThat(new GetDataResponse(null, Stat.EMPTY).toString()).contains("data=null");
    }

    @Test
    void emptyStatIsAllZero() {
        assertThat(RecordSamples.bytesOf(Stat.EMPTY)).hasSize(68).containsOnly(0);
    }

    @Test
    void decodesConsecutiveRecordsFromOneFrame() {
        JuteOutput out = new JuteOutput();
        out.writeInt(0);
        new RequestHeader(5, OpCode.getData).write(out);
        new GetDataRequest("/x", true).write(out);
        out.writeIntAt(0, out.size() - 4);

        JuteInput in = new JuteInput(out.toByteArray());

        assertThat(in.readInt()).isEqualTo(in.remaining());
        assertThat(RequestHeader.read(in)).isEqualTo(new RequestHeader(5, OpCode.getData));
        assertThat(GetDataRequest.read(in)).isEqualTo(new GetDataRequest("/x", true));
        assertThat(in.hasRemaining()).isFalse();
    }
}
