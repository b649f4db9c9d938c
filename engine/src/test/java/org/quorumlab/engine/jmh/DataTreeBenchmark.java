package org.quorumlab.engine.jmh;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.tree.DataTree;
import org.quorumlab.engine.tree.ProcessTxnResult;
import org.quorumlab.engine.txn.Txn;
import org.quorumlab.engine.txn.TxnHeader;

/** Applying committed txns to the in-memory tree and reading from it, on a tree of {@code nodes} znodes. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DataTreeBenchmark {

    @Param({"10000"})
    public int nodes;

    private DataTree tree;
    private String[] paths;
    private byte[] value;
    private long zxid = 0x100000000L;
    private int cursor;

    @Setup
    public void setUp() {
        tree = new DataTree();
        value = new byte[1024];
        Arrays.fill(value, (byte) 'x');
        apply(new Txn.Create(OpCode.create, "/bench", new byte[0], DataTree.OPEN_ACL, 0, -1));
        paths = new String[nodes];
        for (int i = 0; i < nodes; i++) {
            paths[i] = "/bench/n" + i;
            apply(new Txn.Create(OpCode.create, paths[i], value, DataTree.OPEN_ACL, 0, -1));
        }
    }

    private ProcessTxnResult apply(Txn txn) {
        zxid++;
        return tree.processTxn(new TxnHeader(0x1234L, 1, zxid, 1_700_000_000_000L, txn.type()), txn);
    }

    private String next() {
        cursor = cursor + 1 == paths.length ? 0 : cursor + 1;
        return paths[cursor];
    }

    @Benchmark
    public ProcessTxnResult setData() {
        return apply(new Txn.SetData(next(), value, -1));
    }

    @Benchmark
    public byte[] getData() {
        return tree.getData(next(), null);
    }

    /** An ephemeral's whole life: create then delete (keeps the tree's size constant). */
    @Benchmark
    public ProcessTxnResult createDeleteEphemeral() {
        String path = "/bench/e" + (cursor++ & 1023);
        apply(new Txn.Create(OpCode.create, path, value, DataTree.OPEN_ACL, 0x1234L, -1));
        return apply(new Txn.Delete(OpCode.delete, path));
    }
}
