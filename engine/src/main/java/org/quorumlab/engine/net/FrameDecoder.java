package org.quorumlab.engine.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Jute framing: 4-byte big-endian length, then the record. A negative length or one above
 * {@code jute.maxbuffer} is a corrupt stream and fails the connection. The very first four bytes
 * may instead be a four-letter word ({@code ruok}, {@code srvr}, ...), as on ZooKeeper's port.
 */
final class FrameDecoder extends ByteToMessageDecoder {

    /** Marker message for a four-letter-word command. */
    record FourLetterWord(String command) {
    }

    static final Set<String> FOUR_LETTER_WORDS = Set.of("ruok", "srvr", "stat", "conf", "cons", "crst", "dump",
            "envi", "mntr", "wchs", "wchc", "wchp", "isro", "srst", "dirs", "gtmk", "stmk");

    private final int maxFrame;
    private boolean first = true;
    /** Set once the stream is corrupt: the rest of it (e.g. an oversized payload) is not framed again. */
    private boolean corrupt;

    FrameDecoder(int maxFrame) {
        this.maxFrame = maxFrame;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (corrupt) {
            in.skipBytes(in.readableBytes());
            return;
        }
        while (in.readableBytes() >= 4) {
            int length = in.getInt(in.readerIndex());
            if (first) {
                first = false;
                String word = in.toString(in.readerIndex(), 4, StandardCharsets.US_ASCII);
                if (FOUR_LETTER_WORDS.contains(word)) {
                    in.skipBytes(in.readableBytes());
                    out.add(new FourLetterWord(word));
                    return;
                }
            }
            if (length < 0 || length > maxFrame) {
                corrupt = true;
                in.skipBytes(in.readableBytes());
                throw new CorruptedFrameException("Len error " + length);
            }
            if (in.readableBytes() < 4 + length) {
                return;
            }
            in.skipBytes(4);
            byte[] frame = new byte[length];
            in.readBytes(frame);
            out.add(frame);
        }
    }
}
