package org.quorumlab.engine.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelWriteQueueTest {

    private static void lengthPrefixed(String message, ByteBuf out) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.writeBytes(bytes);
    }

    private static List<String> framesIn(ByteBuf buffer) {
        List<String> frames = new ArrayList<>();
        while (buffer.isReadable()) {
            byte[] bytes = new byte[buffer.readInt()];
            buffer.readBytes(bytes);
            frames.add(new String(bytes, StandardCharsets.UTF_8));
        }
        return frames;
    }

    @Test
    void aBurstLeavesInOneBufferWithEveryFrameInOrder() {
        EmbeddedChannel channel = new EmbeddedChannel();
        ChannelWriteQueue<String> queue = new ChannelWriteQueue<>(channel, ChannelWriteQueueTest::lengthPrefixed);

        queue.enqueue("one");
        queue.enqueue("two");
        queue.enqueue("three");
        channel.runPendingTasks();

        ByteBuf written = channel.readOutbound();
        assertThat(framesIn(written)).containsExactly("one", "two", "three");
        written.release();
        assertThat((Object) channel.readOutbound()).isNull();
        channel.finishAndReleaseAll();
    }

    @Test
    void aLargeBurstIsSplitIntoBuffersOfBoundedSizeWithoutLosingOrder() {
        EmbeddedChannel channel = new EmbeddedChannel();
        ChannelWriteQueue<String> queue = new ChannelWriteQueue<>(channel, ChannelWriteQueueTest::lengthPrefixed);
        String kilobyte = "x".repeat(1020);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String message = i + ":" + kilobyte;
            sent.add(message);
            queue.enqueue(message);
        }
        channel.runPendingTasks();

        List<String> received = new ArrayList<>();
        int buffers = 0;
        ByteBuf written;
        while ((written = channel.readOutbound()) != null) {
            buffers++;
            assertThat(written.readableBytes()).isLessThan(ChannelWriteQueue.MAX_BURST_BYTES + 1100);
            received.addAll(framesIn(written));
            written.release();
        }
        assertThat(received).isEqualTo(sent);
        assertThat(buffers).isEqualTo(4);
        channel.finishAndReleaseAll();
    }

    @Test
    void messagesQueuedAfterADrainGoOutInTheNextOne() {
        EmbeddedChannel channel = new EmbeddedChannel();
        ChannelWriteQueue<String> queue = new ChannelWriteQueue<>(channel, ChannelWriteQueueTest::lengthPrefixed);

        queue.enqueue("first");
        channel.runPendingTasks();
        queue.enqueue("second");
        channel.runPendingTasks();

        ByteBuf first = channel.readOutbound();
        ByteBuf second = channel.readOutbound();
        assertThat(framesIn(first)).containsExactly("first");
        assertThat(framesIn(second)).containsExactly("second");
        first.release();
        second.release();
        channel.finishAndReleaseAll();
    }
}
