package org.quorumlab.engine.compat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.node.QuorumLabServer;
import org.quorumlab.engine.proto.ExistsRequest;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.RemoveWatchesRequest;

class ScratchReproTest {
    @TempDir
    Path dir;

    @Test
    void repro() throws Exception {
        try (QuorumLabServer server = QuorumLabServer.start(ServerConfig.standalone(0, dir))) {
            Thread.setDefaultUncaughtExceptionHandler((t, e) -> { System.out.println("UNCAUGHT in " + t); e.printStackTrace(System.out); });
            for (int type : new int[] {0, 2, 3, 1}) {
                try (RawConnection c = new RawConnection(server.port())) {
                    System.out.println("handshake " + c.handshake(0, new byte[16], 5000));
                    c.write(FuzzFrames.lengthPrefixed(FuzzFrames.request(7, OpCode.addWatch,
                            FuzzFrames.bytes(new RemoveWatchesRequest("/f1", type)))));
                    c.write(FuzzFrames.lengthPrefixed(FuzzFrames.request(9, OpCode.exists,
                            FuzzFrames.bytes(new ExistsRequest("/", false)))));
                    System.out.println("type " + type + " -> " + c.awaitReplyOrClose(9, 3000));
                } catch (IllegalStateException e) {
                    System.out.println("type " + type + " -> " + e);
                }
            }
        }
    }
}
