package org.quorumlab.engine.client;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.node.QuorumLabServer;

/**
 * Child process of {@link DurabilityTest}: serves a standalone QuorumLab server on {@code args[0]}, prints
 * {@code PORT <n>} and runs until it is killed. Not a test.
 */
public final class DurabilityChild {

    static final String PORT = "PORT ";

    private DurabilityChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        QuorumLabServer server = QuorumLabServer.start(ServerConfig.standalone(0, Path.of(args[0])));
        out.println(PORT + server.port());
        new CountDownLatch(1).await();
    }
}
