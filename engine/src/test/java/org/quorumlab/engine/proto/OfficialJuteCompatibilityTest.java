package org.quorumlab.engine.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jute.BinaryInputArchive;
import org.apache.jute.BinaryOutputArchive;
import org.apache.jute.Record;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Compares our encoding with the generated classes of the official zookeeper-jute 3.9.3 jar. */
class OfficialJuteCompatibilityTest {

    private static final List<String> DATA_MODULE = List.of("Id", "Acl", "Stat", "StatPersisted", "ClientInfo");

    @Test
    void createRequestMatchesOfficialBytes() throws IOException {
        var official = new org.apache.zookeeper.proto.CreateRequest(
                "/app/lock-", new byte[] {9, 8, 7},
                List.of(new ACL(ZooDefs.Perms.ALL, new org.apache.zookeeper.data.Id("world", "anyone")),
                        new ACL(ZooDefs.Perms.READ, new org.apache.zookeeper.data.Id("digest", "bob:x1Y="))),
                3);
        var ours = new CreateRequest("/app/lock-", new byte[] {9, 8, 7},
                List.of(new Acl(Perms.ALL, new Id("world", "anyone")),
                        new Acl(Perms.READ, new Id("digest", "bob:x1Y="))),
                CreateMode.EPHEMERAL_SEQUENTIAL.toFlag());

        assertSameBytesBothWays(official, ours, CreateRequest.read(new JuteInput(serialize(official))));
    }

    @Test
    void statMatchesOfficialBytes() throws IOException {
        var official = new org.apache.zookeeper.data.Stat(
                1L << 33, 2L, 1_700_000_000_000L, -4L, 5, 6, 7, 0x1234L, 8, 9, 10L);
        var ours = new Stat(1L << 33, 2L, 1_700_000_000_000L, -4L, 5, 6, 7, 0x1234L, 8, 9, 10L);

        assertSameBytesBothWays(official, ours, Stat.read(new JuteInput(serialize(official))));
    }

    @Test
    void connectRequestMatchesOfficialBytes() throws IOException {
        var official = new org.apache.zookeeper.proto.ConnectRequest(0, 0x100000005L, 30_000, 0L, new byte[16], true);
        var ours = new ConnectRequest(0, 0x100000005L, 30_000, 0L, new byte[16], true);

        assertSameBytesBothWays(official, ours, ConnectRequest.read(new JuteInput(serialize(official))));
    }

    @Test
    void setWatches2MatchesOfficialBytes() throws IOException {
        var official = new org.apache.zookeeper.proto.SetWatches2(77L, List.of("/a", "/b"), List.of(),
                List.of("/c"), null, List.of("/ü"));
        var ours = new SetWatches2(77L, List.of("/a", "/b"), List.of(), List.of("/c"), null, List.of("/ü"));

        assertSameBytesBothWays(official, ours, SetWatches2.read(new JuteInput(serialize(official))));
    }

    @Test
    void getChildren2ResponseMatchesOfficialBytes() throws IOException {
        var stat = new org.apache.zookeeper.data.Stat(1, 2, 3, 4, 5, 6, 7, 8, 9, 2, 11);
        var official = new org.apache.zookeeper.proto.GetChildren2Response(List.of("x", "y"), stat);
        var ours = new GetChildren2Response(List.of("x", "y"), new Stat(1, 2, 3, 4, 5, 6, 7, 8, 9, 2, 11));

        assertSameBytesBothWays(official, ours, GetChildren2Response.read(new JuteInput(serialize(official))));
    }

    @Test
    void stringsEncodeLikeOfficialArchiveIncludingSupplementaryAndLoneSurrogates() throws IOException {
        for (String path : List.of("/emoji-😀", "/lone-\ud800", "/mixed-ß-€-😀-end")) {
            var official = new org.apache.zookeeper.proto.SyncRequest(path);

            assertThat(RecordSamples.bytesOf(new SyncRequest(path))).as(path).isEqualTo(serialize(official));
        }
    }

    static Stream<Arguments> recordsAndSeeds() {
        return RecordSamples.allRecordClasses().stream()
                .flatMap(c -> Stream.of(Arguments.of(c, 11L, false), Arguments.of(c, 12L, true)));
    }

    @ParameterizedTest(name = "{0} nulls={2}")
    @MethodSource("recordsAndSeeds")
    void everyRecordMatchesItsOfficialCounterpart(Class<? extends JuteRecord> type, long seed, boolean nulls)
            throws IOException {
        JuteRecord ours = new RecordSamples(seed, nulls).sample(type);
        Record official = toOfficial(ours);
        byte[] officialBytes = serialize(official);

        assertThat(RecordSamples.bytesOf(ours)).isEqualTo(officialBytes);
        assertThat(RecordSamples.read(type, new JuteInput(officialBytes))).isEqualTo(ours);
        assertThat(serialize(deserialize(official.getClass(), RecordSamples.bytesOf(ours)))).isEqualTo(officialBytes);
    }

    private static void assertSameBytesBothWays(Record official, JuteRecord ours, JuteRecord decodedOfficial)
            throws IOException {
        byte[] officialBytes = serialize(official);
        assertThat(RecordSamples.bytesOf(ours)).isEqualTo(officialBytes);
        assertThat(decodedOfficial).isEqualTo(ours);
        assertThat(serialize(deserialize(official.getClass(), RecordSamples.bytesOf(ours)))).isEqualTo(officialBytes);
    }

    private static byte[] serialize(Record r) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        r.serialize(BinaryOutputArchive.getArchive(bytes), "");
        return bytes.toByteArray();
    }

    private static Record deserialize(Class<? extends Record> type, byte[] bytes) throws IOException {
        try {
            Record r = type.getDeclaredConstructor().newInstance();
            r.deserialize(BinaryInputArchive.getArchive(new ByteArrayInputStream(bytes)), "");
            return r;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Record toOfficial(JuteRecord ours) {
        String simpleName = ours.getClass().getSimpleName();
        String module = DATA_MODULE.contains(simpleName) ? "data" : "proto";
        String juteName = simpleName.equals("Acl") ? "ACL" : simpleName;
        RecordComponent[] components = ours.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                args[i] = toOfficialValue(components[i].getAccessor().invoke(ours));
            }
            Class<?> type = Class.forName("org.apache.zookeeper." + module + "." + juteName);
            for (Constructor<?> ctor : type.getConstructors()) {
                if (ctor.getParameterCount() == args.length) {
                    return (Record) ctor.newInstance(args);
                }
            }
            throw new AssertionError("no all-fields constructor on " + type);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Object toOfficialValue(Object value) {
        if (value instanceof JuteRecord r) {
            return toOfficial(r);
        }
        if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>();
            list.forEach(item -> converted.add(toOfficialValue(item)));
            return converted;
        }
        return value instanceof byte[] bytes ? Arrays.copyOf(bytes, bytes.length) : value;
    }
}
