package org.quorumlab.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.quorumlab.engine.storage.ChunkedSnapshotInput.StoredChunk;

/** The chunking and verifying streams every snapshot store uses. */
class ChunkedSnapshotStreamsTest {

    private static final int CHUNK = 100;

    private final List<StoredChunk> chunks = new ArrayList<>();
    private final List<Integer> indexes = new ArrayList<>();
    private long received;

    private final ChunkedSnapshotOutput out = new ChunkedSnapshotOutput(CHUNK, (index, data, length, checksum) -> {
        indexes.add(index);
        byte[] copy = Arrays.copyOf(data, length);
        chunks.add(new StoredChunk(checksum, copy));
        received += length;
    });

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 7 + (i >>> 8));
        }
        return bytes;
    }

    private static long crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return crc.getValue();
    }

    private SnapshotInfo header(ChunkedSnapshotOutput.Totals totals) {
        return new SnapshotInfo(0x77, 1, totals.sizeBytes(), totals.chunkCount(), totals.checksum());
    }

    private InputStream input(SnapshotInfo header) {
        return new ChunkedSnapshotInput(header, index -> index < chunks.size() ? chunks.get(index) : null);
    }

    @Test
    void theWriterNeverHoldsMoreThanOneChunkAndHandsEachOverTheMomentItFills() {
        byte[] data = bytes(1234);
        long written = 0;
        int[] pieces = {1, 99, 1, 250, 3, 0, 480};
        int at = 0;
        for (int i = 0; at < data.length; i++) {
            int n = Math.min(pieces[i % pieces.length], data.length - at);
            if (n == 1) {
                out.write(data[at]);
            } else {
                out.write(data, at, n);
            }
            at += n;
            written += n;
            // everything but the unfilled tail of the current chunk has reached the sink already
            assertThat(out.buffered()).isLessThan(CHUNK);
            assertThat(received).isEqualTo(written - out.buffered());
        }
        ChunkedSnapshotOutput.Totals totals = out.finish();

        assertThat(totals).isEqualTo(new ChunkedSnapshotOutput.Totals(13, 1234, crc(data)));
        assertThat(indexes).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(chunks.subList(0, 12)).allSatisfy(c -> assertThat(c.data()).hasSize(CHUNK));
        assertThat(chunks.get(12).data()).hasSize(34);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        chunks.forEach(c -> {
            assertThat(c.checksum()).isEqualTo(crc(c.data()));
            joined.writeBytes(c.data());
        });
        assertThat(joined.toByteArray()).isEqualTo(data);
        assertThatThrownBy(() -> out.write(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(out::finish).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anExactMultipleOfTheChunkSizeHasNoEmptyLastChunk() {
        out.write(bytes(300), 0, 300);
        assertThat(out.finish().chunkCount()).isEqualTo(3);
        assertThat(chunks).hasSize(3);
    }

    @Test
    void whatWasWrittenReadsBackAndVerifies() throws IOException {
        byte[] data = bytes(1234);
        out.write(data, 0, data.length);
        try (InputStream in = input(header(out.finish()))) {
            assertThat(in.read()).isEqualTo(data[0] & 0xff);
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, 1, data.length));
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void aFlippedBitIsCaughtBeforeAnyByteOfItsChunkIsReturned() throws IOException {
        out.write(bytes(450), 0, 450);
        SnapshotInfo header = header(out.finish());
        chunks.get(3).data()[42] ^= 0x10;

        InputStream in = input(header);
        assertThat(in.readNBytes(300)).isEqualTo(Arrays.copyOf(bytes(450), 300));
        assertThatThrownBy(in::read).isInstanceOfSatisfying(CorruptSnapshotException.class,
                e -> assertThat(e.reason()).isEqualTo("chunk 3 of 5 fails its CRC32C check"));
    }

    @Test
    void aMissingChunkIsCaught() {
        out.write(bytes(450), 0, 450);
        SnapshotInfo header = header(out.finish());
        chunks.remove(4);

        assertThatThrownBy(() -> input(header).readAllBytes()).isInstanceOfSatisfying(CorruptSnapshotException.class,
                e -> assertThat(e.reason()).isEqualTo("chunk 4 of 5 is missing"));
    }

    @Test
    void chunksThatDoNotAddUpToTheHeaderAreCaughtAtTheEnd() {
        out.write(bytes(450), 0, 450);
        ChunkedSnapshotOutput.Totals totals = out.finish();

        SnapshotInfo longer = new SnapshotInfo(0x77, 1, 451, 5, totals.checksum());
        assertThatThrownBy(() -> input(longer).readAllBytes()).isInstanceOfSatisfying(CorruptSnapshotException.class,
                e -> assertThat(e.reason()).isEqualTo("truncated: the chunks hold 450 of the header's 451 bytes"));
        SnapshotInfo shorter = new SnapshotInfo(0x77, 1, 449, 5, totals.checksum());
        assertThatThrownBy(() -> input(shorter).readAllBytes()).isInstanceOfSatisfying(CorruptSnapshotException.class,
                e -> assertThat(e.reason()).isEqualTo("chunk 4 runs past the header's size of 449 bytes"));
        SnapshotInfo otherSum = new SnapshotInfo(0x77, 1, 450, 5, totals.checksum() ^ 1);
        assertThatThrownBy(() -> input(otherSum).readAllBytes()).isInstanceOfSatisfying(
                CorruptSnapshotException.class,
                e -> assertThat(e.reason()).isEqualTo("the chunks together fail the header's CRC32C check"));
        // two chunks swapped: each passes its own check, the whole does not
        StoredChunk first = chunks.get(0);
        chunks.set(0, chunks.get(1));
        chunks.set(1, first);
        assertThatThrownBy(() -> input(header(totals)).readAllBytes()).isInstanceOf(CorruptSnapshotException.class);
    }

    @Test
    void anEmptySnapshotHasNoChunks() throws IOException {
        ChunkedSnapshotOutput.Totals totals = out.finish();
        assertThat(totals).isEqualTo(new ChunkedSnapshotOutput.Totals(0, 0, crc(new byte[0])));
        assertThat(input(header(totals)).read()).isEqualTo(-1);
    }
}
