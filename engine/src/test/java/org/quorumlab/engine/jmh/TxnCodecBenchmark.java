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
import org.quorumlab.engine.proto.JuteOutput;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.tree.DataTree;
import org.quorumlab.engine.txn.Txn;
import org.quorumlab.engine.txn.TxnCodec;
import org.quorumlab.engine.txn.TxnHeader;
import org.quorumlab.engine.txn.TxnRecord;

/** The log/replication form of txns: every write is encoded once on the leader and decoded on each replica. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TxnCodecBenchmark {

    private TxnRecord setData;
    private TxnRecord create;
    private byte[] setDataBytes;
    private byte[] createBytes;
    private final JuteOutput scratch = new JuteOutput(2048);

    @Setup
    public void setUp() {
        byte[] value = new byte[1024];
        Arrays.fill(value, (byte) 'x');
        setData = new TxnRecord(new TxnHeader(0x1234L, 17, 0x100000abcL, 1_700_000_000_000L, OpCode.setData),
                new Txn.SetData("/qlbench/c12-k3", value, 5));
        create = new TxnRecord(new TxnHeader(0x1234L, 18, 0x100000abdL, 1_700_000_000_000L, OpCode.create),
                new Txn.Create(OpCode.create, "/qlbench-churn/c12-4711", value, DataTree.OPEN_ACL, 0x1234L, 9));
        setDataBytes = TxnCodec.encode(setData);
        createBytes = TxnCodec.encode(create);
    }

    @Benchmark
    public byte[] encodeSetData() {
        return TxnCodec.encode(setData);
    }

    /** As the leader encodes proposals: through one reused scratch buffer. */
    @Benchmark
    public byte[] encodeSetDataReusedBuffer() {
        return TxnCodec.encode(setData, scratch);
    }

    @Benchmark
    public TxnRecord decodeSetData() {
        return TxnCodec.decode(setDataBytes);
    }

    @Benchmark
    public byte[] encodeCreateEphemeral() {
        return TxnCodec.encode(create);
    }

    @Benchmark
    public TxnRecord decodeCreateEphemeral() {
        return TxnCodec.decode(createBytes);
    }
}
