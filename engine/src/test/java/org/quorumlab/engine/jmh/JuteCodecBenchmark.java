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
import org.quorumlab.engine.proto.GetDataRequest;
import org.quorumlab.engine.proto.GetDataResponse;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteOutput;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.ReplyHeader;
import org.quorumlab.engine.proto.RequestHeader;
import org.quorumlab.engine.proto.SetDataRequest;
import org.quorumlab.engine.proto.Stat;

/** Encode/decode of the records on the busiest client paths: setData request, getData request and reply. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JuteCodecBenchmark {

    private static final String PATH = "/qlbench/c12-k3";

    private SetDataRequest setData;
    private GetDataResponse getDataReply;
    private byte[] setDataFrame;
    private byte[] getDataRequestFrame;
    private byte[] getDataReplyFrame;
    private final JuteOutput reused = new JuteOutput();

    @Setup
    public void setUp() {
        byte[] value = new byte[1024];
        Arrays.fill(value, (byte) 'x');
        setData = new SetDataRequest(PATH, value, -1);
        getDataReply = new GetDataResponse(value, new Stat(0x100000001L, 0x100000abcL, 1_700_000_000_000L,
                1_700_000_000_500L, 42, 0, 0, 0, 1024, 0, 0x100000001L));
        JuteOutput out = new JuteOutput();
        new RequestHeader(7, OpCode.setData).write(out);
        setData.write(out);
        setDataFrame = out.toByteArray();
        out = new JuteOutput();
        new RequestHeader(8, OpCode.getData).write(out);
        new GetDataRequest(PATH, false).write(out);
        getDataRequestFrame = out.toByteArray();
        out = new JuteOutput();
        new ReplyHeader(8, 0x100000abcL, 0).write(out);
        getDataReply.write(out);
        getDataReplyFrame = out.toByteArray();
    }

    @Benchmark
    public byte[] encodeSetDataRequestFresh() {
        JuteOutput out = new JuteOutput();
        new RequestHeader(7, OpCode.setData).write(out);
        setData.write(out);
        return out.toByteArray();
    }

    @Benchmark
    public int encodeGetDataReplyReusedBuffer() {
        reused.reset();
        new ReplyHeader(8, 0x100000abcL, 0).write(reused);
        getDataReply.write(reused);
        return reused.size();
    }

    @Benchmark
    public byte[] encodeGetDataReplyFresh() {
        JuteOutput out = new JuteOutput();
        new ReplyHeader(8, 0x100000abcL, 0).write(out);
        getDataReply.write(out);
        return out.toByteArray();
    }

    @Benchmark
    public SetDataRequest decodeSetDataRequest() {
        JuteInput in = new JuteInput(setDataFrame);
        RequestHeader.read(in);
        return SetDataRequest.read(in);
    }

    @Benchmark
    public GetDataRequest decodeGetDataRequest() {
        JuteInput in = new JuteInput(getDataRequestFrame);
        RequestHeader.read(in);
        return GetDataRequest.read(in);
    }

    @Benchmark
    public GetDataResponse decodeGetDataReply() {
        JuteInput in = new JuteInput(getDataReplyFrame);
        ReplyHeader.read(in);
        return GetDataResponse.read(in);
    }
}
