package org.quorumlab.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quorumlab.engine.proto.MalformedRecordException;
import org.quorumlab.engine.tree.DataTree;
import org.quorumlab.engine.tree.TreeImage;

class TreeSnapshotCodecTest {

    private final DataTree tree = TreeHistory.apply(TreeHistory.txns(3000, 42));

    private static byte[] write(TreeImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TreeSnapshotCodec.write(image, out);
        return out.toByteArray();
    }

    @Test
    void aTreeReadsBackWithEveryNodeStatAclAndSession() throws IOException {
        assertThat(tree.nodeCount()).isGreaterThan(1000);
        assertThat(tree.sessions()).hasSizeGreaterThan(100);
        assertThat(tree.ephemeralsBySession()).isNotEmpty();

        byte[] bytes = write(tree.image());
        DataTree back = TreeSnapshotCodec.read(new ByteArrayInputStream(bytes), bytes.length);

        assertThat(TreeHistory.describe(back)).isEqualTo(TreeHistory.describe(tree));
        assertThat(TreeHistory.describe(TreeSnapshotCodec.deserialize(TreeSnapshotCodec.serialize(tree))))
                .isEqualTo(TreeHistory.describe(tree));
    }

    @Test
    void theEncoderPassesBytesOnAFewNodesAtATime() throws IOException {
        List<Integer> writes = new ArrayList<>();
        long[] total = new long[1];
        OutputStream recording = new OutputStream() {
            @Override
            public void write(int b) {
                writes.add(1);
                total[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writes.add(len);
                total[0] += len;
            }
        };
        TreeSnapshotCodec.write(tree.image(), recording);

        int largestNode = tree.images().stream().mapToInt(n -> n.path().length() + n.data().length + 200).max()
                .orElseThrow();
        assertThat(total[0]).isEqualTo(TreeSnapshotCodec.serialize(tree).length).isGreaterThan(300_000);
        assertThat(writes).hasSizeGreaterThan(5)
                .allSatisfy(len -> assertThat(len).isLessThan(TreeSnapshotCodec.FLUSH_BYTES + largestNode));
    }

    @Test
    void snapshotsOfTheSingleBlobEraDecode() {
        byte[] old = SchemaOneSnapshots.of(tree);
        assertThat(TreeHistory.describe(TreeSnapshotCodec.deserialize(old))).isEqualTo(TreeHistory.describe(tree));
    }

    @Test
    void damagedBytesAreRejectedWithoutHugeAllocations() {
        byte[] bytes = TreeSnapshotCodec.serialize(tree);

        assertThatThrownBy(() -> TreeSnapshotCodec.deserialize(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> TreeSnapshotCodec.deserialize(Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("after its last node");
        assertThatThrownBy(() -> TreeSnapshotCodec.read(new ByteArrayInputStream(bytes), bytes.length - 8))
                .isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> TreeSnapshotCodec.read(new ByteArrayInputStream(bytes), bytes.length + 8))
                .isInstanceOf(MalformedRecordException.class);
        byte[] badMagic = bytes.clone();
        badMagic[0] ^= 1;
        assertThatThrownBy(() -> TreeSnapshotCodec.deserialize(badMagic))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("not a QuorumLab snapshot");
        // the first node's path length, after magic, version, zxid, session count, sessions and node count
        int pathLength = 4 + 4 + 8 + 4 + tree.sessions().size() * 12 + 4;
        byte[] hugeLength = bytes.clone();
        hugeLength[pathLength] = 0x7f;
        assertThatThrownBy(() -> TreeSnapshotCodec.deserialize(hugeLength))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("exceeds");
    }
}
