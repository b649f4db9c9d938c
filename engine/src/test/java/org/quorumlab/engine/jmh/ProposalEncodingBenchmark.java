package org.quorumlab.engine.jmh;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.quorumlab.engine.consensus.LogEntry;
import org.quorumlab.engine.consensus.Message;
import org.quorumlab.engine.consensus.Packet;
import org.quorumlab.engine.replication.MessageCodec;

/**
 * A leader's PROPOSAL of a 1 KiB txn to two followers: one full frame encoded per follower (the
 * original host) versus the packet encoded once and shared behind a 28-byte header per follower.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProposalEncodingBenchmark {

    private LogEntry entry;

    @Setup
    public void setUp() {
        byte[] payload = new byte[1100];
        Arrays.fill(payload, (byte) 'x');
        entry = new LogEntry(0x100000abcL, payload);
    }

    @Benchmark
    public void encodePerFollower(Blackhole bh) {
        for (long follower = 2; follower <= 3; follower++) {
            bh.consume(MessageCodec.encode(new Message.Peer(1, follower, 42, new Packet.Proposal(entry))));
        }
    }

    @Benchmark
    public void encodeOnceShared(Blackhole bh) {
        byte[] body = MessageCodec.encodePacket(new Packet.Proposal(entry));
        for (long follower = 2; follower <= 3; follower++) {
            bh.consume(MessageCodec.encodePeerHeader(1, follower, 42));
        }
        bh.consume(body);
    }
}
